package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.LeReader;
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

    static CabFileRecord read(CabInput in, long offset, int index, int folderCount) throws IOException {
        String what = "CFFILE " + index;
        LeReader r = in.read(offset, SZ_NAME, what);
        byte[] rawName = in.cString(offset + SZ_NAME, MAX_NAME_BYTES, what + " name");
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
}
