package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.testing.sign.Osslsigncode;
import dev.patchchain.testing.sign.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queue check --signatures [--trust-store]}: signer findings from an image with files we sign. */
class QueueSignaturesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void image() throws Exception {
        Osslsigncode.require();
        Instant now = Instant.now();
        TestPki alice = TestPki.create(dir, "Alice", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        TestPki bob = TestPki.create(dir, "Bob", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        TestImage image = new TestImage(dir.resolve("img"))
                .pe("C:\\Windows\\System32\\a.dll.plain", "1.0.0.0")
                .pe("C:\\Windows\\WinSxS\\Temp\\a.dll.plain", "1.0.0.1");
        sign(alice, image.file("C:\\Windows\\System32\\a.dll"));
        sign(bob, image.file("C:\\Windows\\WinSxS\\Temp\\a.dll"));
        new QueueFileWriter(false).writeReg(dir.resolve("pending.reg"), PendingQueue.decode(MultiSz.of(new ArrayList<>(
                List.of("\\??\\C:\\Windows\\WinSxS\\Temp\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll"))).encode(),
                null, PathContext.DEFAULT));
    }

    @Test
    void signaturesAreReadOnlyWhenAsked() throws Exception {
        Path anchors = Files.createDirectory(dir.resolve("anchors"));
        Files.copy(dir.resolve("Alice-ca.pem"), anchors.resolve("Alice-ca.pem"));
        Files.copy(dir.resolve("Bob-ca.pem"), anchors.resolve("Bob-ca.pem"));

        CliRun plain = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img", "--json");
        CliRun bothTrusted = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img",
                "--signatures", "--trust-store", "anchors", "--json");
        CliRun aliceTrusted = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img",
                "--signatures", "--trust-store", "Alice-ca.pem", "--json");

        assertThat(codes(plain.json())).doesNotContain("SIGNER_CHANGED", "UNSIGNED_REPLACEMENT");
        assertThat(bothTrusted.exit()).as(bothTrusted.err()).isEqualTo(1);
        assertThat(codes(bothTrusted.json())).contains("SIGNER_CHANGED").doesNotContain("UNSIGNED_REPLACEMENT");
        assertThat(codes(aliceTrusted.json())).contains("UNSIGNED_REPLACEMENT").doesNotContain("SIGNER_CHANGED");
        assertThat(aliceTrusted.json().get("findings").toString()).contains("CHAIN_UNTRUSTED");
    }

    @Test
    void trustStoreWithoutSignaturesOrABadStoreIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("bad.pem"), "not a certificate");

        assertThat(CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img", "--trust-store",
                "Alice-ca.pem").exit()).isEqualTo(2);
        assertThat(CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--signatures").exit()).isEqualTo(2);
        CliRun bad = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img", "--signatures",
                "--trust-store", "bad.pem");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.pem");
    }

    private static void sign(TestPki pki, Path target) throws Exception {
        Path plain = target.resolveSibling(target.getFileName() + ".plain");
        Osslsigncode.sign(pki, plain, target, "sha256", Optional.empty());
        Files.delete(plain);
    }

    private static List<String> codes(JsonNode json) {
        return StreamSupport.stream(json.get("findings").spliterator(), false).map(f -> f.get("code").asText()).toList();
    }
}
