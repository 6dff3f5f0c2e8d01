package dev.patchchain.formats.msi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The MSI oracle and builder: {@code msiinfo export} (msitools) and {@code wixl}. A test without them is skipped,
 * or fails under {@code CI=true} since {@code .ci/run} installs both.
 */
final class MsiTools {

    private MsiTools() {
    }

    static void require(String tool) {
        if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
            String message = tool + " is not installed (MSI oracle); .ci/run must install it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (required under CI=true)");
            }
            Assumptions.abort(message + "; skipped");
        }
    }

    /** Builds {@code out} from the WiX source {@code wxs} with {@code wixl}, in the source's directory. */
    static Path wixl(Path wxs, String out) throws Exception {
        require("wixl");
        run(wxs.getParent(), List.of("wixl", "-o", out, wxs.getFileName().toString()));
        return wxs.getParent().resolve(out);
    }

    /** @return {@code msiinfo export msi table}: the rows after the three header lines, tab-separated */
    static List<List<String>> export(Path msi, String table) throws Exception {
        require("msiinfo");
        String[] lines = run(msi.getParent(), List.of("msiinfo", "export", msi.toString(), table)).split("\r?\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            rows.add(List.of(lines[i].split("\t", -1)));
        }
        return rows;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
