package dev.patchchain.formats.msi;

import java.io.IOException;
import java.util.Optional;

/** Where a package's non-table streams (embedded cabinets) are found: a database, or a patch before its target. */
@FunctionalInterface
interface MsiStreams {

    /**
     * @param name     the stream's decoded name, e.g. {@code product.cab}
     * @param maxBytes the largest accepted
     * @return its bytes, or empty if there is no such stream
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is larger than {@code maxBytes}
     */
    Optional<byte[]> stream(String name, int maxBytes) throws IOException;
}
