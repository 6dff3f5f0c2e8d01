package dev.patchchain.platform.image;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.ContentDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SHA-256 of files on an {@link ImageVolume}, read in blocks; a file that cannot be read has no hash (the verdict
 * is then unverifiable, never a guess).
 *
 * <pre>{@code
 * ContentDigest digest = new ImageDigest(image);
 * digest.sha256(WinPath.parse("C:\\Windows\\System32\\ntdll.dll"));   // Optional["9f86d0..."]
 * }</pre>
 */
public final class ImageDigest implements ContentDigest {

    private static final int BLOCK = 1 << 16;

    private final ImageVolume image;

    /** @param image the volume whose files are hashed */
    public ImageDigest(ImageVolume image) {
        this.image = image;
    }

    @Override
    public Optional<String> sha256(WinPath path) {
        Path file = image.resolve(path);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[BLOCK];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                sha.update(block, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
