package dev.patchchain.cli.hive;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pendingxml.PendingXml;
import dev.patchchain.formats.pendingxml.PendingXmlReader;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Servicing's pending transaction on an image, {@code <system root>\WinSxS\pending.xml}, read when it is there.
 *
 * @param file the file on the image
 * @param xml  its operations
 */
public record ImagePendingXml(Path file, PendingXml xml) {

    /** How many paths a summary names. */
    public static final int SUMMARY_PATHS = 3;

    /**
     * @param image   the mounted volume
     * @param context the system root
     * @return the parsed file, or empty if the image has none
     * @throws FormatException if the file is there but is not a readable {@code pending.xml}
     * @throws IOException     if it cannot be read
     */
    public static Optional<ImagePendingXml> find(ImageVolume image, PathContext context) throws IOException {
        Path file = image.resolve(where(context));
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > PendingXmlReader.MAX_BYTES) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, file.toString(), -1,
                    "over the limit of " + PendingXmlReader.MAX_BYTES + " bytes");
        }
        return Optional.of(new ImagePendingXml(file, PendingXmlReader.read(Files.readAllBytes(file), file.toString())));
    }

    /**
     * @param context the system root
     * @return the file's Windows path
     */
    public static WinPath where(PathContext context) {
        return context.systemRoot().resolve("WinSxS").resolve("pending.xml");
    }

    /** @return e.g. {@code "pending.xml: 3 file operations, 4 registry operations"} */
    public String counts() {
        return "pending.xml: " + xml.fileOperations().size() + " file operation(s), "
                + xml.registryOperations().size() + " registry operation(s)";
    }

    /** @return up to three file and three registry changes, e.g. {@code "will replace \SystemRoot\System32\x.dll"} */
    public List<String> firstChanges() {
        List<String> out = new ArrayList<>();
        for (PendingXml.FileOperation op : xml.fileOperations()) {
            if (out.size() == SUMMARY_PATHS) {
                break;
            }
            switch (op.kind()) {
                case MOVE, HARDLINK -> out.add("pending.xml will replace " + op.path());
                case DELETE -> out.add("pending.xml will delete " + op.path());
                default -> {
                    // directories and attributes are counted, not named
                }
            }
        }
        for (PendingXml.RegistryOperation op : xml.registryOperations().subList(0,
                Math.min(SUMMARY_PATHS, xml.registryOperations().size()))) {
            out.add("pending.xml will change key " + op.path() + (op.name() == null ? "" : " value " + op.name()));
        }
        return out;
    }
}
