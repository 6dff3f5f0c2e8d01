package dev.patchchain.fleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.fleet.report.ReportJson;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;

/**
 * The fleet's HTTP server (Javalin on Jetty). Stateless apart from its counters: run several behind a load balancer
 * over one PostgreSQL store. Concurrent uploads are stored together, one transaction per batch (group commit).
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><td>{@code POST /api/v1/snapshots}</td><td>store a snapshot: 201 new, 200 duplicate, 400, 401, 413, 415</td></tr>
 * <tr><td>{@code GET /api/v1/machines?limit=&offset=}</td><td>machines with their latest snapshot (JSON); read
 * token (401)</td></tr>
 * <tr><td>{@code GET /}</td><td>the dashboard: the report as HTML, rendered at most every 10 seconds; read token
 * (401)</td></tr>
 * <tr><td>{@code GET /healthz}</td><td>200 when the store answers, else 503</td></tr>
 * <tr><td>{@code GET /metrics}</td><td>Prometheus text format</td></tr>
 * </table>
 *
 * <p>With a read token ({@link ServerOptions#readToken()}, see {@link ReadAccess}) the two read routes need it;
 * {@code /healthz} and {@code /metrics} stay open for load balancers and scrapers.
 *
 * <pre>{@code
 * try (FleetServer server = FleetServer.start(store, new ServerOptions("127.0.0.1", 0, Optional.of(token),
 *         Optional.of(readToken), 30))) {
 *     URI uri = server.uri();   // http://127.0.0.1:41234/
 * }
 * }</pre>
 */
public final class FleetServer implements AutoCloseable {

    /** The largest page of {@code GET /api/v1/machines}. */
    public static final int MAX_PAGE = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final Javalin app;
    private final GroupCommit writes;
    private final String host;

    private FleetServer(Javalin app, GroupCommit writes, String host) {
        this.app = app;
        this.writes = writes;
        this.host = host;
    }

    /**
     * @param store   where snapshots go and reports come from
     * @param options address, port, token
     * @return the running server
     */
    public static FleetServer start(FleetStore store, ServerOptions options) {
        ServerMetrics metrics = new ServerMetrics();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = SnapshotFormat.MAX_BYTES;
        });
        GroupCommit writes = new GroupCommit(store);
        app.post("/api/v1/snapshots", new SnapshotUpload(writes, options.token(), metrics));
        options.readToken().ifPresent(token -> {
            ReadAccess access = new ReadAccess(token);
            app.before("/api/v1/machines", access);
            app.before("/", access);
        });
        app.get("/api/v1/machines", ctx -> ctx.contentType(SnapshotFormat.MEDIA_TYPE).result(ReportJson.machines(
                store.machines(page(ctx, "limit", 100, MAX_PAGE), page(ctx, "offset", 0, Integer.MAX_VALUE))).toString()));
        CachedPage dashboard = new CachedPage(store, options.staleDays(), Clock.systemUTC());
        app.get("/", ctx -> ctx.header("Content-Security-Policy", CSP).html(dashboard.html()));
        app.get("/healthz", ctx -> health(ctx, store));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
        app.exception(BadParameter.class, (e, ctx) -> error(ctx, 400, "bad_parameter", e.getMessage()));
        app.exception(StoreException.class, (e, ctx) -> error(ctx, 503, "store_unavailable", "the store does not answer"));
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
        return new FleetServer(app, writes, options.host());
    }

    /** @return the port it listens on */
    public int port() {
        return app.port();
    }

    /** @return its base URI, ending in {@code /} */
    public URI uri() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    private static void error(Context ctx, int status, String error, String message) {
        ctx.status(status).contentType(SnapshotFormat.MEDIA_TYPE)
                .result(MAPPER.createObjectNode().put("error", error).put("message", message).toString());
    }

    private static void health(Context ctx, FleetStore store) {
        try {
            store.ping();
            ctx.result("ok\n");
        } catch (StoreException e) {
            ctx.status(503).result("store unavailable\n");
        }
    }

    private static int page(Context ctx, String name, int fallback, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name + " must be an integer 0.." + max);
    }

    /** A query parameter out of range: 400 with its rule (the rule is ours, never the client's text). */
    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        app.stop();
        writes.close();
    }
}
