package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Windows update package, {@code .msu} or servicing {@code .cab} ({@code docs/formats/cab.md#msu}), into a
 * {@link ServicingPackage}: a cabinet with {@code update.mum} at its root is the servicing cabinet itself; otherwise
 * its inner cabinets (all but {@code WSUSSCAN.cab}) are opened until one has {@code update.mum}.
 *
 * <pre>{@code
 * ServicingPackage p = ServicingPackageReader.read(Path.of("windows6.1-kb4012212-x64.msu"), CabLimits.DEFAULT);
 * p.pkg().files();   // C:\Windows\System32\srv.sys 6.1.7601.23689, ...
 * }</pre>
 *
 * <p>{@code UNSUPPORTED}: an {@code .msu} that carries a {@code .wim} and a {@code .psf} (Windows 10/11 express
 * packages) instead of an inner cabinet, and LZX folders (through {@link Cabinet#contents}). {@code NOT_THIS_FORMAT}:
 * a cabinet without {@code update.mum} at any level.
 */
public final class ServicingPackageReader {

    private static final String WSUS_SCAN = "wsusscan.cab";

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
            return read(cab, limits);
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
        try (Cabinet cab = CabReader.open(data, source, limits)) {
            return read(cab, limits);
        }
    }

    private static ServicingPackage read(Cabinet cab, CabLimits limits) throws IOException {
        if (find(cab, UpdateMum.FILE_NAME).isPresent()) {
            return ServicingCabinet.read(cab);
        }
        List<CabEntry> inner = new ArrayList<>();
        List<String> imageParts = new ArrayList<>();
        for (CabEntry e : cab.entries()) {
            String lower = e.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".cab") && !lower.equals(WSUS_SCAN)) {
                inner.add(e);
            } else if (lower.endsWith(".wim") || lower.endsWith(".psf")) {
                imageParts.add(e.name());
            }
        }
        for (CabEntry e : inner) {
            byte[] bytes = cab.contents(x -> x.equals(e)).get(e);
            try (Cabinet innerCab = CabReader.open(bytes, cab.source() + "!" + e.name(), limits)) {
                if (find(innerCab, UpdateMum.FILE_NAME).isPresent()) {
                    return ServicingCabinet.read(innerCab);
                }
            }
        }
        if (!imageParts.isEmpty()) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, cab.source(), -1, "the package carries "
                    + "its payload as a WIM image and a PSF delta file " + imageParts + " (a Windows 10/11 "
                    + "express package); reading those needs a WIM backend, which patchchain does not have");
        }
        throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, cab.source(), -1, "no update.mum in the "
                + "cabinet or in any inner cabinet " + inner.stream().map(CabEntry::name).toList()
                + ": not a Windows servicing package");
    }

    static Optional<CabEntry> find(Cabinet cab, String name) {
        return cab.entries().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
