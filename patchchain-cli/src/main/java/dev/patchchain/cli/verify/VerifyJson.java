package dev.patchchain.cli.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.verify.FileCheck;
import dev.patchchain.core.verify.UpdateCheck;
import dev.patchchain.core.verify.Verifier;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.SignerFacts;
import java.util.List;

/** {@code verify --json}: the report with every file's evidence. */
final class VerifyJson {

    private VerifyJson() {
    }

    static ObjectNode render(VerifyReport report, List<String> sources, List<String> warnings) {
        ObjectNode root = Json.object();
        root.put("command", "verify");
        root.put("host", report.host().orElse(null));
        root.set("inputs", Json.strings(sources));
        root.put("regression", report.hasRegression());
        root.put("signatureFailure", report.hasSignatureFailure());
        ArrayNode updates = root.putArray("updates");
        for (UpdateCheck u : report.updates()) {
            ObjectNode node = updates.addObject();
            node.put("id", u.update().id().value());
            node.put("description", u.update().description());
            node.put("source", u.update().source());
            node.put("installedOn", u.update().installedOn().orElse(null));
            node.put("installedBy", u.update().installedBy().orElse(null));
            node.put("status", u.status().name());
            node.put("supersededBy", u.supersededBy().map(Object::toString).orElse(null));
            node.put("detail", u.detail());
            ArrayNode files = node.putArray("files");
            u.files().forEach(f -> file(files.addObject(), f));
        }
        ObjectNode summary = root.putObject("summary");
        report.countByStatus().forEach((status, count) -> summary.put(status.name(), count));
        root.set("warnings", Json.strings(warnings));
        return root;
    }

    private static void file(ObjectNode node, FileCheck f) {
        node.put("path", f.expected().path().toString());
        node.put("expectedVersion", f.expected().version().map(Object::toString).orElse(null));
        node.put("sha256", f.expected().sha256().orElse(null));
        node.put("status", f.status().name());
        f.expected().component().ifPresent(c -> {
            ObjectNode component = node.putObject("component");
            component.put("identity", c.component());
            component.put("directory", c.directory());
            component.set("olderSha256", Json.strings(c.olderSha256()));
            component.put("note", c.note());
        });
        node.put("now", Verifier.describe(f.now()));
        node.put("afterReboot", Verifier.describe(f.after()));
        if (f.after() instanceof PathState.File file && file.facts().signer().isPresent()) {
            SignerFacts signer = file.facts().signer().get();
            ObjectNode signature = node.putObject("signature");
            signature.put("signed", signer.signed());
            signature.put("valid", signer.valid());
            signature.put("signer", signer.subject());
            signature.put("detail", signer.detail());
        }
        f.cause().ifPresent(c -> {
            ObjectNode entry = node.putObject("queueEntry");
            entry.put("index", c.index());
            entry.put("outcome", c.status().name());
            entry.set("strings", Json.strings(c.operation().rawStrings()));
            entry.put("detail", c.detail());
        });
        node.put("detail", f.detail());
    }
}
