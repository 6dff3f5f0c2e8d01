package dev.patchchain.fleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotException;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.IngestOutcome;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/snapshots}: checks in the order that costs least to a stranger: the token (401) before the
 * content type (415), the size (413, from Content-Length and again while reading) before parsing (400); then stores
 * it (201 new, 200 duplicate). Every answer is a small JSON object.
 */
final class SnapshotUpload implements Handler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GroupCommit store;
    private final Optional<BearerToken> token;
    private final ServerMetrics metrics;

    SnapshotUpload(GroupCommit store, Optional<BearerToken> token, ServerMetrics metrics) {
        this.store = store;
        this.token = token;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) throws IOException, InterruptedException {
        if (token.isEmpty() || !token.get().accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"patchchain\"");
            refuse(ctx, 401, "unauthorized", token.isEmpty() ? "this server accepts no writes: it was started without "
                    + "--token-file" : "a valid bearer token is required");
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(SnapshotFormat.MEDIA_TYPE)) {
            refuse(ctx, 415, "unsupported_media_type", "expected Content-Type " + SnapshotFormat.MEDIA_TYPE
                    + ", found " + (type.isEmpty() ? "none" : type));
            return;
        }
        if (ctx.contentLength() > SnapshotFormat.MAX_BYTES) {
            refuse(ctx, 413, "too_large", tooLarge(ctx.contentLength()));
            return;
        }
        long start = System.nanoTime();
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(SnapshotFormat.MAX_BYTES + 1);
        }
        if (body.length > SnapshotFormat.MAX_BYTES) {
            refuse(ctx, 413, "too_large", tooLarge(body.length));
            return;
        }
        Snapshot snapshot;
        try {
            snapshot = SnapshotFormat.read(body, "upload");
        } catch (SnapshotException e) {
            int status = e.kind() == SnapshotException.Kind.TOO_LARGE ? 413 : 400;
            refuse(ctx, status, e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
            return;
        }
        IngestOutcome outcome = store.ingest(snapshot);
        metrics.received(outcome.name().toLowerCase(Locale.ROOT), System.nanoTime() - start);
        ObjectNode answer = MAPPER.createObjectNode().put("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .put("machine_id", snapshot.machine().machineId()).put("scan_id", snapshot.scanId());
        ctx.status(outcome == IngestOutcome.NEW ? 201 : 200).contentType(SnapshotFormat.MEDIA_TYPE)
                .result(answer.toString());
    }

    private void refuse(Context ctx, int status, String reason, String message) {
        metrics.rejected(reason);
        ctx.status(status).contentType(SnapshotFormat.MEDIA_TYPE)
                .result(MAPPER.createObjectNode().put("error", reason).put("message", message).toString());
    }

    private static String tooLarge(long size) {
        return size + " bytes, the limit is " + SnapshotFormat.MAX_BYTES;
    }
}
