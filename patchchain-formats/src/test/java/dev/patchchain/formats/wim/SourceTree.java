package dev.patchchain.formats.wim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The tree the oracle tests capture: real PE files (the corpus's Wine 8.0 DLLs, and some of the system's Wine DLLs
 * when installed), generated text in nested directories, empty files and an empty directory, names with non-ASCII
 * characters, a file of several MiB spanning many chunks, two hard links to one file and a symbolic link.
 */
final class SourceTree {

    static final String LINKED = "text\\linked.txt";
    static final String LINK = "deep\\er\\still\\link.txt";
    /** A symbolic link, which wimlib captures as a reparse point. */
    static final String SYMLINK = "symlink.txt";
    private static final Path SYSTEM_WINE = Path.of("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows");
    private static final int SYSTEM_WINE_FILES = 12;

    private SourceTree() {
    }

    static Path build(Path root) throws IOException {
        Path pe = Files.createDirectories(root.resolve("pe"));
        try (Stream<Path> files = Files.list(WimTools.corpus("pe/wine-8.0"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Files.copy(f, pe.resolve(f.getFileName()));
            }
        }
        if (Files.isDirectory(SYSTEM_WINE)) {
            Path sys = Files.createDirectories(root.resolve("system-wine"));
            try (Stream<Path> files = Files.list(SYSTEM_WINE)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".dll")).sorted().limit(SYSTEM_WINE_FILES)
                        .toList()) {
                    Files.copy(f, sys.resolve(f.getFileName()));
                }
            }
        }
        Path text = Files.createDirectories(root.resolve("text"));
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            StringBuilder b = new StringBuilder();
            for (int line = 0; line < random.nextInt(400); line++) {
                b.append("line ").append(line).append(": ").append(Long.toHexString(random.nextLong())).append('\n');
            }
            Files.writeString(text.resolve("file" + i + ".txt"), b);
        }
        Files.writeString(text.resolve("linked.txt"), "one file, two names\n");
        Path deep = Files.createDirectories(root.resolve("deep/er/still"));
        Files.createLink(deep.resolve("link.txt"), text.resolve("linked.txt"));
        Files.createFile(root.resolve("empty.bin"));
        Files.createFile(deep.resolve("empty too.txt"));
        Files.createDirectories(root.resolve("empty dir"));
        Files.writeString(root.resolve("Grüße – ÄÖÜ ß.txt"), "umlauts\n");
        Files.writeString(Files.createDirectories(root.resolve("日本語")).resolve("ファイル.txt"), "kana\n");
        Files.writeString(root.resolve("emoji \uD83D\uDE00.txt"), "outside the BMP\n");
        Files.write(root.resolve("large.bin"), large(random));
        Files.createSymbolicLink(root.resolve(SYMLINK), Path.of("text/file0.txt"));
        return root;
    }

    /** 5 MiB: compressible text with random runs, so chunks compress to different sizes (some stored). */
    private static byte[] large(Random random) {
        byte[] out = new byte[5 << 20];
        byte[] text = "the quick brown fox jumps over the lazy dog 0123456789\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < out.length; i++) {
            out[i] = text[i % text.length];
        }
        for (int run = 0; run < 40; run++) {
            int at = random.nextInt(out.length - 70_000);
            byte[] noise = new byte[random.nextInt(70_000)];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, out, at, noise.length);
        }
        return out;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
