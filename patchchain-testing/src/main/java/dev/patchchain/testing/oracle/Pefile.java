package dev.patchchain.testing.oracle;

import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PE oracle: Debian's python3-pefile, run once over many files. Per file it reports the machine, the fixed
 * file and product versions of the first version resource and the first string table, or that pefile rejected
 * the file.
 */
public final class Pefile {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import sys, pefile",
            "def v(ms, ls): return '%d.%d.%d.%d' % (ms >> 16, ms & 0xffff, ls >> 16, ls & 0xffff)",
            "for path in sys.stdin.read().splitlines():",
            "    try:",
            "        pe = pefile.PE(path, fast_load=True)",
            "        pe.parse_data_directories(",
            "            directories=[pefile.DIRECTORY_ENTRY['IMAGE_DIRECTORY_ENTRY_RESOURCE']])",
            "    except pefile.PEFormatError as e:",
            "        print('\\t'.join([path, 'ERROR', str(e).replace('\\t', ' ').replace('\\n', ' ')]))",
            "        continue",
            "    fv = pv = ''",
            "    if hasattr(pe, 'VS_FIXEDFILEINFO'):",
            "        f = pe.VS_FIXEDFILEINFO[0]",
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
     * @param machine        COFF machine in lower-case hex, or {@code ERROR} if pefile rejected the file
     * @param fileVersion    fixed file version, empty if none (pefile's message if it rejected the file)
     * @param productVersion fixed product version, empty if none
     * @param strings        the first string table, {@code key=value}
     */
    public record Result(String machine, String fileVersion, String productVersion, List<String> strings) {

        /** @return true if pefile rejected the file */
        public boolean rejected() {
            return "ERROR".equals(machine);
        }
    }

    private Pefile() {
    }

    /**
     * Skips the calling test without python3-pefile, or fails it under {@code CI=true}.
     *
     * @throws IOException          if the check cannot run
     * @throws InterruptedException if interrupted
     */
    public static void require() throws IOException, InterruptedException {
        Corpus.requireTool(PYTHON.toString(), "pefile, the PE oracle, runs in it");
        if (new ProcessBuilder(PYTHON.toString(), "-c", "import pefile").start().waitFor() != 0) {
            Corpus.unavailable("python3-pefile is not installed for " + PYTHON);
        }
    }

    /**
     * @param files   the files to read
     * @param scratch a directory for the script
     * @return what pefile saw, per file
     * @throws IOException          if pefile cannot be run or fails
     * @throws InterruptedException if interrupted
     */
    public static Map<Path, Result> run(List<Path> files, Path scratch) throws IOException, InterruptedException {
        Path script = Files.writeString(scratch.resolve("pefile_oracle.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder input = new StringBuilder();
        files.forEach(f -> input.append(f).append('\n'));
        process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("pefile failed; its output:\n" + output);
        }
        Map<Path, Result> results = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            results.put(Path.of(f[0]), f[1].equals("ERROR")
                    ? new Result("ERROR", f[2], "", List.of())
                    : new Result(f[1], f[2], f[3], List.of(f).subList(4, f.length)));
        }
        return results;
    }
}
