package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
    private static final int MIN_FILES = 300;
    @Test
    void everyWinePeHasPefilesVersions(@TempDir Path scratch) throws Exception {
        List<Path> files = winePeFiles();
        Pefile.require();

        Map<Path, Pefile.Result> theirs = Pefile.run(files, scratch);

        List<String> mismatches = new ArrayList<>();
        int versioned = 0;
        for (Path file : files) {
            String ours = ours(file);
            String oracle = summary(theirs.get(file));
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

    /** pefile's error text is kept out of the comparison: both sides only say that the file was rejected. */
    private static String summary(Pefile.Result result) {
        if (result == null) {
            return "(not reported by pefile)";
        }
        return result.rejected() ? "ERROR" : result.fileVersion() + "\t" + result.productVersion();
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
            Corpus.unavailable("no Wine PE files in " + WINE_DIRECTORIES + " (Debian packages wine64, libwine)");
        }
        return files;
    }

    private static boolean startsWithMz(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'M' && magic[1] == 'Z';
        }
    }

}
