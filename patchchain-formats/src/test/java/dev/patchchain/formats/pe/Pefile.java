package dev.patchchain.formats.pe;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The oracle: Debian's python3-pefile, run once over many files. It prints, per file, the machine, the fixed file
 * and product versions of the first version resource, and the first string table's strings.
 */
final class Pefile {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import sys, pefile",
            "for path in sys.stdin.read().splitlines():",
            "    pe = pefile.PE(path, fast_load=True)",
            "    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY['IMAGE_DIRECTORY_ENTRY_RESOURCE']])",
            "    fv = pv = ''",
            "    if hasattr(pe, 'VS_FIXEDFILEINFO'):",
            "        f = pe.VS_FIXEDFILEINFO[0]",
            "        v = lambda ms, ls: '%d.%d.%d.%d' % (ms >> 16, ms & 0xffff, ls >> 16, ls & 0xffff)",
            "        fv = v(f.FileVersionMS, f.FileVersionLS)",
            "        pv = v(f.ProductVersionMS, f.ProductVersionLS)",
            "    strings = []",
            "    for info in getattr(pe, 'FileInfo', [[]])[0]:",
            "        if info.Key == b'StringFileInfo' and info.StringTable:",
            "            strings = ['%s=%s' % (k.decode(), s.decode()) for k, s in info.StringTable[0].entries.items()]",
            "    print('\\t'.join([path, '%x' % pe.FILE_HEADER.Machine, fv, pv] + strings))",
            "");

    /**
     * One file as pefile saw it.
     *
     * @param machine        COFF machine in hex
     * @param fileVersion    fixed file version, empty if none
     * @param productVersion fixed product version, empty if none
     * @param strings        the first string table, "key=value"
     */
    record Result(String machine, String fileVersion, String productVersion, List<String> strings) {
    }

    private Pefile() {
    }

    /** Skips the calling test without pefile, or fails it under {@code CI=true}. */
    static void require() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import pefile").start().waitFor() == 0;
        if (!present) {
            String message = "python3-pefile is not installed at " + PYTHON;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; under CI=true it is required");
            }
            Assumptions.abort(message + "; skipped");
        }
    }

    static Map<Path, Result> run(List<Path> files, Path scratch) throws IOException, InterruptedException {
        Path script = Files.writeString(scratch.resolve("pefile_versions.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder input = new StringBuilder();
        files.forEach(f -> input.append(f).append('\n'));
        process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("pefile failed:\n" + output);
        }
        Map<Path, Result> results = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            results.put(Path.of(f[0]), new Result(f[1], f[2], f[3], List.of(f).subList(4, f.length)));
        }
        return results;
    }
}
