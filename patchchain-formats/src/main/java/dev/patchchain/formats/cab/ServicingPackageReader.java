package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.wim.ExternalWimTool;
import dev.patchchain.formats.wim.ExtractedImage;
import dev.patchchain.formats.wim.UndecodedResourceException;
import dev.patchchain.formats.wim.WimFile;
import dev.patchchain.formats.wim.WimLimits;
import dev.patchchain.formats.wim.WimReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a Windows update package, {@code .msu} or servicing {@code .cab} ({@code docs/formats/cab.md#msu}), into a
 * {@link ServicingPackage}: a cabinet with {@code update.mum} at its root is the servicing cabinet itself; otherwise
 * its inner cabinets (all but {@code WSUSSCAN.cab}) are opened until one has {@code update.mum}; otherwise the WIM
 * of an express package ({@code *.wim} beside a {@code *.psf}) is read for {@code update.mum} and the manifests, with
 * our WIM reader, or with {@code wimlib-imagex} when the WIM is compressed in a way ours does not decode (LZMS).
 *
 * <pre>{@code
 * ServicingPackage p = ServicingPackageReader.read(Path.of("windows6.1-kb4012212-x64.msu"), CabLimits.DEFAULT);
 * p.pkg().files();   // C:\Windows\System32\srv.sys 6.1.7601.23689, ...
 * }</pre>
 *
 * <p>{@code UNSUPPORTED}: Quantum folders (through {@link Cabinet#contents}); a WIM our reader does not decode when
 * {@code wimlib-imagex} is not installed (the message names the compression). {@code NOT_THIS_FORMAT}: a cabinet
 * without {@code update.mum} at any level.
 */
public final class ServicingPackageReader {

    private static final String WSUS_SCAN = "wsusscan.cab";
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);

    private ServicingPackageReader() {
    }

    /**
     * @param file   the {@code .msu} or {@code .cab}
     * @param limits the limits for each cabinet read
     * @return the package
     * @throws IOException a {@link FormatException} if it is not a readable servicing package
     */
    public static ServicingPackage read(Path file, CabLimits limits) throws IOException {
        try (Cabinet cab = CabReader.open(file, limits)) {
            return read(cab, limits, ExternalWimTool::find);
        }
    }

    /**
     * @param data   the {@code .msu} or {@code .cab} bytes
     * @param source its name, for errors
     * @param limits the limits for each cabinet read
     * @return the package
     * @throws IOException a {@link FormatException} if it is not a readable servicing package
     */
    public static ServicingPackage read(byte[] data, String source, CabLimits limits) throws IOException {
        return read(data, source, limits, ExternalWimTool::find);
    }

    /** As {@link #read(byte[], String, CabLimits)}, with the external WIM tool looked up by {@code tools}. */
    static ServicingPackage read(byte[] data, String source, CabLimits limits,
                                 Supplier<Optional<ExternalWimTool>> tools) throws IOException {
        try (Cabinet cab = CabReader.open(data, source, limits)) {
            return read(cab, limits, tools);
        }
    }

    private static ServicingPackage read(Cabinet cab, CabLimits limits, Supplier<Optional<ExternalWimTool>> tools)
            throws IOException {
        if (find(cab, UpdateMum.FILE_NAME).isPresent()) {
            return ServicingPayload.read(ServicingFiles.of(cab), false);
        }
        List<CabEntry> inner = new ArrayList<>();
        List<CabEntry> images = new ArrayList<>();
        for (CabEntry e : cab.entries()) {
            String lower = e.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".cab") && !lower.equals(WSUS_SCAN)) {
                inner.add(e);
            } else if (lower.endsWith(".wim")) {
                images.add(e);
            }
        }
        for (CabEntry e : inner) {
            byte[] bytes = cab.contents(x -> x.equals(e)).get(e);
            try (Cabinet innerCab = CabReader.open(bytes, cab.source() + "!" + e.name(), limits)) {
                if (find(innerCab, UpdateMum.FILE_NAME).isPresent()) {
                    return ServicingPayload.read(ServicingFiles.of(innerCab), false);
                }
            }
        }
        for (CabEntry e : images) {
            byte[] bytes = cab.contents(x -> x.equals(e)).get(e);
            Optional<ServicingPackage> p = readWim(bytes, cab.source() + "!" + e.name(), limits, tools);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, cab.source(), -1, "no update.mum in the "
                + "cabinet, in any inner cabinet " + inner.stream().map(CabEntry::name).toList()
                + " or in any WIM " + images.stream().map(CabEntry::name).toList()
                + ": not a Windows servicing package");
    }

    /** Image 1 of an express package's WIM, if it has {@code update.mum} at its root. */
    private static Optional<ServicingPackage> readWim(byte[] bytes, String source, CabLimits limits,
                                                      Supplier<Optional<ExternalWimTool>> tools) throws IOException {
        // A cumulative update's WIM lists far more entries than a cabinet may hold files: the WIM's own bound applies.
        WimLimits wimLimits = new WimLimits(WimLimits.DEFAULT.maxEntries(), limits.maxFileBytes(),
                limits.maxFileBytes());
        try (WimFile wim = WimReader.open(bytes, source, wimLimits)) {
            if (wim.imageCount() < 1) {
                return Optional.empty();
            }
            ServicingFiles files = ServicingFiles.of(wim, wim.image(1));
            return ServicingPayload.hasUpdateMum(files) ? Optional.of(ServicingPayload.read(files, true))
                    : Optional.empty();
        } catch (UndecodedResourceException e) {
            Optional<ExternalWimTool> tool = tools.get();
            if (tool.isEmpty()) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, source, e.offset(), "the express "
                        + "package's WIM is compressed with " + e.compression() + ", which patchchain does not decode; "
                        + "install " + ExternalWimTool.EXECUTABLE + " (Debian package wimtools) to read it ("
                        + e.getMessage() + ")");
            }
            return readWithTool(tool.get(), bytes, source, limits);
        }
    }

    private static Optional<ServicingPackage> readWithTool(ExternalWimTool tool, byte[] bytes, String source,
                                                           CabLimits limits) throws IOException {
        Path wim = Files.createTempFile("patchchain-", ".wim");
        try {
            Files.write(wim, bytes);
            try (ExtractedImage image = tool.apply(wim, 1, limits.maxExpandedBytes(), TOOL_TIMEOUT)) {
                ServicingFiles files = ServicingFiles.of(image, source);
                return ServicingPayload.hasUpdateMum(files) ? Optional.of(ServicingPayload.read(files, true))
                        : Optional.empty();
            }
        } finally {
            Files.deleteIfExists(wim);
        }
    }

    static Optional<CabEntry> find(Cabinet cab, String name) {
        return cab.entries().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
