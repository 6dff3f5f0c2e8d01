package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.fleet.server.BearerToken;
import dev.patchchain.fleet.server.FleetServer;
import dev.patchchain.fleet.server.ServerOptions;
import dev.patchchain.fleet.store.FleetStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchchain serve}: the ingest server and dashboard, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the fleet: POST /api/v1/snapshots (bearer token), GET /api/v1/machines, the dashboard "
                + "at /, /healthz and /metrics (Prometheus).",
                "Listens on 127.0.0.1 by default: put a TLS reverse proxy in front to expose it."})
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private StoreOption store;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The token agents must present (first line, at least 32 characters). Without it no write "
                    + "is accepted.")
    private Path tokenFile;

    @Option(names = "--read-token-file", paramLabel = "FILE",
            description = "The token GET /api/v1/machines and the dashboard require (first line, at least 32 "
                    + "characters; Authorization: Bearer, or the password of HTTP Basic in a browser). Without it they "
                    + "are open to whoever reaches the server.")
    private Path readTokenFile;

    @Option(names = "--stale-days", paramLabel = "N", defaultValue = "30",
            description = "The dashboard's \"not scanned for\" threshold (default: ${DEFAULT-VALUE}).")
    private int staleDays;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<BearerToken> token = token("--token-file", tokenFile);
        Optional<BearerToken> readToken = token("--read-token-file", readTokenFile);
        FleetStore fleet = FleetStore.open(store.location(context), Clock.systemUTC());
        FleetServer server = FleetServer.start(fleet, new ServerOptions(bind, port, token, readToken, staleDays));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            fleet.close();
            stopped.countDown();
        }, "patchchain-serve-shutdown"));
        context.err().println("patchchain serve: " + server.uri() + " (store " + fleet.location().display() + ")"
                + (token.isEmpty() ? "; no --token-file: every write is refused" : "")
                + (readToken.isEmpty() ? "; no --read-token-file: the dashboard and /api/v1/machines are open" : ""));
        context.err().flush();
        stopped.await();
        return ExitCode.CLEAN.code();
    }

    private Optional<BearerToken> token(String option, Path file) throws IOException {
        return file == null ? Optional.empty()
                : Optional.of(BearerToken.of(TokenFile.read(option, context.resolve(file.toString()))));
    }
}
