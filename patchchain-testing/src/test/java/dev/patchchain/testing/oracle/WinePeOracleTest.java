package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PE of the installed Wine packages ({@code wine64}, {@code libwine}: {@code .dll}, {@code .exe},
 * {@code .sys}, {@code .drv}, {@code .ocx}, ...) read by us and by pefile, run once over all of them; the fixed file
 * and product versions must agree. Skipped without Wine or pefile, except under {@code CI=true}.
 */
class WinePeOracleTest {

    private static final List<Path> WINE_DIRECTORIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows"),
            Path.of("/usr/lib/x86_64-linux-gnu/wine/i386-windows"));
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int MIN_FILES = 300;
    private static final String SCRIPT = String.join("\n",
            "import sys, pefile",
            "def v(ms, ls): return '%d.%d.%d.%d' % (ms >> 16, ms & 0xffff, ls >> 16, ls & 0xffff)",
            "for path in sys.stdin.read().splitlines():",
            "    try:",
            "        pe = pefile.PE(path, fast_load=True)",
            "        pe.parse_data_directories(",
            "            directories=[pefile.DIRECTORY_ENTRY['IMAGE_DIRECTORY_ENTRY_RESOURCE']])",
            "    except pefile.PEFormatError as e:",
            "        print('%s\\tERROR\\t%s' % (path, e))",
            "        continue",
            "    fixed = getattr(pe, 'VS_FIXEDFILEINFO', None)",
            "    if fixed:",
            "        f = fixed[0]",
            "        print('%s\\t%s\\t%s' % (path, v(f.FileVersionMS, f.FileVersionLS),",
            "                               v(f.ProductVersionMS, f.ProductVersionLS)))",
            "    else:",
            "        print('%s\\t\\t' % path)",
            "");

    @Test
    void everyWinePeHasPefilesVersions(@TempDir Path scratch) throws Exception {
        List<Path> files = winePeFiles();
        requirePefile();

        Map<Path, String> theirs = pefile(files, scratch);

        List<String> mismatches = new ArrayList<>();
        int versioned = 0;
        for (Path file : files) {
            String ours = ours(file);
            String oracle = theirs.get(file);
            if (!ours.equals(oracle)) {
                mismatches.add(file + ": ours [" + ours + "], pefile [" + oracle + "]");
            }
            versioned += ours.startsWith("\t") || ours.startsWith("ERROR") ? 0 : 1;
        }
        System.out.println("[oracle] Wine: " + files.size() + " PE files compared with pefile, " + versioned
                + " with a version resource, " + mismatches.size() + " mismatches");
        assertThat(mismatches).as("files where we and pefile disagree").isEmpty();
        assertThat(files).as("Wine PE files compared").hasSizeGreaterThanOrEqualTo(MIN_FILES);
    }

    private static String ours(Path file) throws IOException {
        try {
            PeVersionInfo info = PeVersionReader.read(file);
            return info.fileVersion().map(FileVersion::toString).orElse("") + "\t"
                    + info.productVersion().map(FileVersion::toString).orElse("");
        } catch (FormatException e) {
            return "ERROR";
        }
    }

    private static Map<Path, String> pefile(List<Path> files, Path scratch) throws IOException, InterruptedException {
        Path script = Files.writeString(scratch.resolve("wine_versions.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder input = new StringBuilder();
        files.forEach(f -> input.append(f).append('\n'));
        process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("pefile failed; its output:\n" + output);
        }
        Map<Path, String> results = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t", 3);
            // pefile's error text is kept out of the comparison: both sides only say that it was rejected.
            results.put(Path.of(fields[0]), "ERROR".equals(fields[1]) ? "ERROR" : fields[1] + "\t" + fields[2]);
        }
        return results;
    }

    private static List<Path> winePeFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : WINE_DIRECTORIES) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : (Iterable<Path>) listing.sorted()::iterator) {
                    if (Files.isRegularFile(file) && startsWithMz(file)) {
                        files.add(file);
                    }
                }
            }
        }
        if (files.isEmpty()) {
            skipOrFail("no Wine PE files in " + WINE_DIRECTORIES + " (Debian packages wine64, libwine)");
        }
        return files;
    }

    private static boolean startsWithMz(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'M' && magic[1] == 'Z';
        }
    }

    private static void requirePefile() throws IOException, InterruptedException {
        Corpus.requireTool(PYTHON.toString(), "pefile, the oracle, runs in it");
        if (new ProcessBuilder(PYTHON.toString(), "-c", "import pefile").start().waitFor() != 0) {
            skipOrFail("python3-pefile is not installed for " + PYTHON);
        }
    }

    private static void skipOrFail(String message) {
        if (Corpus.isCi()) {
            fail(message + "; under CI=true it is required");
        }
        Assumptions.abort(message + "; skipped");
    }
}
