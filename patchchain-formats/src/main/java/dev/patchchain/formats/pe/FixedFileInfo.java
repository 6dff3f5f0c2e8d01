package dev.patchchain.formats.pe;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;

/**
 * {@code VS_FIXEDFILEINFO}, the binary value of {@code VS_VERSIONINFO}: the versions Windows compares.
 *
 * @param fileVersion    FileVersionMS/LS
 * @param productVersion ProductVersionMS/LS
 */
record FixedFileInfo(FileVersion fileVersion, FileVersion productVersion) {

    /** Size of the structure; Win32 docs, "VS_FIXEDFILEINFO structure". */
    static final int SIZE = 52;
    private static final int SIGNATURE = 0xFEEF04BD;
    private static final int DW_SIGNATURE = 0; // from structure start
    private static final int FILE_VERSION_MS = 8;
    private static final int FILE_VERSION_LS = 12;
    private static final int PRODUCT_VERSION_MS = 16;
    private static final int PRODUCT_VERSION_LS = 20;

    static FixedFileInfo read(LeReader r, int offset) throws IOException {
        int signature = r.u32(offset + DW_SIGNATURE, "VS_FIXEDFILEINFO signature");
        if (signature != SIGNATURE) {
            throw r.corrupt(offset, "VS_FIXEDFILEINFO signature is 0x" + Integer.toHexString(signature)
                    + ", expected 0xfeef04bd");
        }
        return new FixedFileInfo(
                FileVersion.fromMsLs(r.u32(offset + FILE_VERSION_MS, "FileVersionMS"),
                        r.u32(offset + FILE_VERSION_LS, "FileVersionLS")),
                FileVersion.fromMsLs(r.u32(offset + PRODUCT_VERSION_MS, "ProductVersionMS"),
                        r.u32(offset + PRODUCT_VERSION_LS, "ProductVersionLS")));
    }
}
