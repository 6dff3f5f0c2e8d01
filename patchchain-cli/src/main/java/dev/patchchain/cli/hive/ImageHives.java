package dev.patchchain.cli.hive;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.platform.image.ImageVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where an image keeps its machine hives: {@code <system root>\System32\config\SYSTEM}, {@code ...\SOFTWARE}. */
public final class ImageHives {

    /** The SYSTEM hive's file name. */
    public static final String SYSTEM = "SYSTEM";
    /** The SOFTWARE hive's file name. */
    public static final String SOFTWARE = "SOFTWARE";

    private ImageHives() {
    }

    /**
     * @param image   the mounted volume
     * @param context the system root
     * @param name    {@link #SYSTEM} or {@link #SOFTWARE}
     * @return the hive file, if the image has it
     */
    public static Optional<Path> find(ImageVolume image, PathContext context, String name) {
        WinPath hive = where(context, name);
        Path file = image.resolve(hive);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * @param context the system root
     * @param name    the hive's file name
     * @return its Windows path, for messages
     */
    public static WinPath where(PathContext context, String name) {
        return context.systemRoot().resolve("System32").resolve("config").resolve(name);
    }
}
