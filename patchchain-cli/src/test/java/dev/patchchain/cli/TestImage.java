package dev.patchchain.cli;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory standing for drive C:, filled with PE files of chosen versions. */
record TestImage(Path root) {

    TestImage pe(String windowsPath, String version) {
        Path file = file(windowsPath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, PeBuilder.dll().fileVersion(FileVersion.parse(version)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path file(String windowsPath) {
        Path file = root;
        for (String part : windowsPath.substring(3).split("\\\\")) {
            file = file.resolve(part);
        }
        return file;
    }
}
