package dev.patchchain.formats.cab;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The LZX side of {@code patchchain-bench/scripts/lzx-vs-cabextract.sh} ({@code docs/benchmarks.md}):
 * {@code make OUT.cab MB DIR} writes an LZX cabinet (window 2^21, E8 on) of the first MB MiB of the files under
 * DIR, concatenated in name order ({@code make-quantum}: a Quantum cabinet, window 2^21); {@code read CAB RUNS} expands every file of a cabinet RUNS times in one JVM and
 * prints the best rate, then the SHA-256 of the files' bytes, concatenated in CFFILE order.
 */
final class LzxBench {

    private LzxBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].startsWith("make")) {
            byte[] data = concatenate(Path.of(args[3]), Integer.parseInt(args[2]) << 20);
            Files.write(Path.of(args[1]), args[0].equals("make-quantum") ? LzxCabinets.quantum("payload.bin", data, 21)
                    : LzxCabinets.of("payload.bin", data, 21, 1, true));
            return;
        }
        Path cab = Path.of(args[1]);
        long best = Long.MAX_VALUE;
        long bytes = 0;
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (int run = 0; run < Integer.parseInt(args[2]); run++) {
            long start = System.nanoTime();
            bytes = 0;
            try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
                sha.reset();
                for (Map.Entry<CabEntry, byte[]> e : c.contents(x -> true).entrySet()) {
                    bytes += e.getValue().length;
                    sha.update(e.getValue());
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%d bytes in %.3f s: %.1f MB/s%n", bytes, best / 1e9, bytes / (best / 1e9) / 1e6);
        System.out.println(java.util.HexFormat.of().formatHex(sha.digest()));
    }

    private static byte[] concatenate(Path dir, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            if (out.size() >= size) {
                break;
            }
            byte[] b = Files.readAllBytes(f);
            out.write(b, 0, Math.min(b.length, size - out.size()));
        }
        return out.toByteArray();
    }
}
