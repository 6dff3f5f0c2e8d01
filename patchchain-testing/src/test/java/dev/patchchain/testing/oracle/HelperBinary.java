package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds {@code src/test/c/pfro_helper.c} into a Windows executable with the MinGW-w64 cross-compiler. */
final class HelperBinary {

    static final String COMPILER = "x86_64-w64-mingw32-gcc";
    private static final Path SOURCE = Path.of("src/test/c/pfro_helper.c");

    private HelperBinary() {
    }

    /**
     * @param directory where to put {@code pfro_helper.exe}
     * @return the executable
     */
    static Path build(Path directory) throws IOException, InterruptedException {
        Path exe = directory.resolve("pfro_helper.exe");
        Files.createDirectories(directory);
        Process gcc = new ProcessBuilder(COMPILER, "-O1", "-Wall", "-Wextra", "-Werror", "-o", exe.toString(),
                SOURCE.toString()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(2, TimeUnit.MINUTES) || gcc.exitValue() != 0) {
            fail(COMPILER + " could not build " + SOURCE + ":\n" + output);
        }
        return exe;
    }
}
