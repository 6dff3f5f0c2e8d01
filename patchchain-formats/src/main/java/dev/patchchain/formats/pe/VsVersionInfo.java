package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code VS_VERSIONINFO} root of a version resource: its fixed info, if it declares one, and the string tables
 * of its {@code StringFileInfo} children. {@code VarFileInfo} is skipped: nothing here needs the translations.
 *
 * @param fixed  the fixed file info, empty when {@code wValueLength} is 0
 * @param tables the string tables in file order
 */
record VsVersionInfo(Optional<FixedFileInfo> fixed, List<StringTable> tables) {

    private static final String ROOT_KEY = "VS_VERSION_INFO";
    private static final String STRING_FILE_INFO = "StringFileInfo";

    /**
     * @param r the version resource's bytes, offset 0 being its first byte
     * @return the parsed structure
     * @throws IOException if a block does not fit or the root is not {@code VS_VERSION_INFO}
     */
    static VsVersionInfo read(LeReader r) throws IOException {
        VersionBlock root = VersionBlock.read(r, 0, r.size());
        if (!ROOT_KEY.equals(root.key())) {
            throw r.corrupt(0, "version resource key is \"" + root.key() + "\", expected \"" + ROOT_KEY + "\"");
        }
        Optional<FixedFileInfo> fixed = Optional.empty();
        if (root.valueLength() != 0) {
            if (root.valueLength() < FixedFileInfo.SIZE || root.valueOffset() + FixedFileInfo.SIZE > root.end()) {
                throw r.corrupt(root.valueOffset(), "VS_FIXEDFILEINFO needs " + FixedFileInfo.SIZE
                        + " bytes; wValueLength is " + root.valueLength() + " and the block ends at 0x"
                        + Integer.toHexString(root.end()));
            }
            fixed = Optional.of(FixedFileInfo.read(r, root.valueOffset()));
        }
        List<StringTable> tables = new ArrayList<>();
        for (VersionBlock child : root.children(r)) {
            if (STRING_FILE_INFO.equals(child.key())) {
                for (VersionBlock table : child.children(r)) {
                    tables.add(StringTable.read(r, table));
                }
            }
        }
        return new VsVersionInfo(fixed, List.copyOf(tables));
    }
}
