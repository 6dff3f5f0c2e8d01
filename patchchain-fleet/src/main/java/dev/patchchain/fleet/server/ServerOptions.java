package dev.patchchain.fleet.server;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link FleetServer} listens and whom it lets write.
 *
 * @param host      the address to bind ({@link #LOOPBACK} by default: expose it through a reverse proxy)
 * @param port      the port (0: any free port)
 * @param token     the token agents must present; without one, every write is refused (401)
 * @param readToken the token the read endpoints ({@code GET /api/v1/machines}, the dashboard) require; without one
 *                  they are open to whoever reaches the server
 * @param staleDays the dashboard's "not scanned for" threshold
 */
public record ServerOptions(String host, int port, Optional<BearerToken> token, Optional<BearerToken> readToken,
                            int staleDays) {

    /** The default bind address. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8470;

    /** Checks the components. */
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(readToken, "readToken");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
    }
}
