package dev.patchchain.cli.fleet;

import dev.patchchain.cli.UsageException;
import dev.patchchain.fleet.server.BearerToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a bearer token: the first line of a file, checked as {@link BearerToken} checks it. */
final class TokenFile {

    private static final int MAX_BYTES = 4096;

    private TokenFile() {
    }

    static String read(String option, Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new UsageException(option + " " + file + ": larger than " + MAX_BYTES + " bytes; expected one line");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String token = text.lines().findFirst().orElse("").strip();
        try {
            BearerToken.of(token);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + file + ": " + e.getMessage());
        }
        return token;
    }
}
