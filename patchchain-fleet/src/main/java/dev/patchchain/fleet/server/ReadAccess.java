package dev.patchchain.fleet.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Guards the read endpoints with the read token. Scripts send {@code Authorization: Bearer <token>}; a browser,
 * answered {@code WWW-Authenticate: Basic}, asks for a user name (ignored) and a password (the token). Both are
 * compared in constant time ({@link BearerToken#matches}). Anything else is 401 before the route runs.
 */
final class ReadAccess implements Handler {

    private static final String BASIC = "Basic ";

    private final BearerToken token;

    ReadAccess(BearerToken token) {
        this.token = token;
    }

    @Override
    public void handle(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (token.accepts(authorization) || token.matches(basicPassword(authorization))) {
            return;
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"patchchain\", charset=\"UTF-8\"");
        ctx.skipRemainingHandlers();
        ctx.status(HttpStatus.UNAUTHORIZED).result("a read token is required (Authorization: Bearer <token>)\n");
    }

    /** The password of {@code Basic base64(user:password)}, or an empty string (which no token matches). */
    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return "";
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
