package dev.patchchain.platform.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashes of image files, against the well-known SHA-256 of "abc". */
class ImageDigestTest {

    @TempDir
    Path root;

    @Test
    void hashesAFileFoundCaseInsensitivelyAndNothingForTheRest() throws IOException {
        Files.createDirectories(root.resolve("Windows"));
        Files.writeString(root.resolve("Windows/abc.txt"), "abc", StandardCharsets.US_ASCII);
        ImageDigest digest = new ImageDigest(ImageVolume.open(root, 'C', new PeFileInspector()));
        assertThat(digest.sha256(WinPath.parse("C:\\WINDOWS\\ABC.TXT")))
                .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(digest.sha256(WinPath.parse("C:\\Windows\\missing.txt"))).isEmpty();
        assertThat(digest.sha256(WinPath.parse("C:\\Windows"))).isEmpty();
    }
}
