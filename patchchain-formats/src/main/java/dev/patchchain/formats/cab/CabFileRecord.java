package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * CFFILE as read ({@code docs/formats/cab.md#cffile}): the entry and where the next CFFILE starts.
 *
 * @param entry the file
 * @param next  the cabinet offset after this record
 */
record CabFileRecord(CabEntry entry, long next) {

    static final int CB_FILE = 0x00;
    static final int UOFF_FOLDER_START = 0x04;
    static final int I_FOLDER = 0x08;
    static final int ATTRIBS = 0x0E;
    static final int SZ_NAME = 0x10;
    static final int MAX_NAME_BYTES = 256;
    static final int ATTRIB_NAME_IS_UTF = 0x80;
    static final int FIRST_CONTINUED_FOLDER = 0xFFFD;

    static CabFileRecord read(RangeInput in, long offset, int index, int folderCount) throws IOException {
        String what = "CFFILE " + index;
        LeReader r = in.read(offset, SZ_NAME, what);
        byte[] rawName = cString(in, offset + SZ_NAME, MAX_NAME_BYTES, what + " name");
        int folder = r.u16(I_FOLDER, "iFolder");
        if (folder >= FIRST_CONTINUED_FOLDER) {
            throw in.unsupported(offset + I_FOLDER, what + " continues from or into another cabinet (iFolder 0x"
                    + Integer.toHexString(folder) + "); only single cabinets are read");
        }
        if (folder >= folderCount) {
            throw in.corrupt(offset + I_FOLDER, what + ": iFolder " + folder + " but the cabinet has "
                    + folderCount + " folders");
        }
        if (rawName.length == 0) {
            throw in.corrupt(offset + SZ_NAME, what + " has an empty name");
        }
        int attributes = r.u16(ATTRIBS, "attribs");
        String name = new String(rawName, (attributes & ATTRIB_NAME_IS_UTF) != 0
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        CabEntry entry = new CabEntry(name, r.u32AsLong(CB_FILE, "cbFile"), folder,
                r.u32AsLong(UOFF_FOLDER_START, "uoffFolderStart"), attributes);
        return new CabFileRecord(entry, offset + SZ_NAME + rawName.length + 1);
    }

    /**
     * @param in        the cabinet
     * @param offset    where a NUL-terminated string starts
     * @param maxBytes  the longest it may be, terminator included
     * @param structure what it is
     * @return its bytes, without the terminator
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if there is no terminator within
     *                     {@code maxBytes} or the cabinet ends first
     */
    private static byte[] cString(RangeInput in, long offset, int maxBytes, String structure) throws IOException {
        int length = (int) Math.min(maxBytes, Math.max(0, in.size() - offset));
        LeReader r = in.read(offset, length, structure);
        for (int i = 0; i < length; i++) {
            if (r.u8(i, structure) == 0) {
                return r.bytes(0, i, structure);
            }
        }
        throw in.corrupt(offset, structure + " has no terminating NUL within " + maxBytes + " bytes");
    }
}
