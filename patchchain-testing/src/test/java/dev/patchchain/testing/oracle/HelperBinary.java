package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Windows helpers of {@code src/test/c} ({@code pfro_helper.c}, {@code msi_transform_helper.c}) into
 * executables with the MinGW-w64 cross-compiler.
 */
final class HelperBinary {

    static final String COMPILER = "x86_64-w64-mingw32-gcc";
    private static final Path SOURCES = Path.of("src/test/c");

    private HelperBinary() {
    }

    /**
     * @param directory where to put {@code pfro_helper.exe}
     * @return the executable
     */
    static Path build(Path directory) throws IOException, InterruptedException {
        return build(directory, "pfro_helper");
    }

    /**
     * @param directory where to put the executable
     * @param name      the source's name without {@code .c}, e.g. {@code msi_transform_helper}
     * @param options   further compiler options after the source, e.g. {@code -municode}, {@code -lmsi}
     * @return the executable, {@code name.exe}
     */
    static Path build(Path directory, String name, String... options) throws IOException, InterruptedException {
        Path exe = directory.resolve(name + ".exe");
        Path source = SOURCES.resolve(name + ".c");
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(COMPILER, "-O1", "-Wall", "-Wextra", "-Werror", "-o",
                exe.toString(), source.toString()));
        command.addAll(List.of(options));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(2, TimeUnit.MINUTES) || gcc.exitValue() != 0) {
            fail(COMPILER + " could not build " + source + ":\n" + output);
        }
        return exe;
    }
}
