package dev.patchchain.formats.reg;

/** The first line of a {@code .reg} file, which says how its text and {@code hex(2)}/{@code hex(7)} data are encoded. */
public enum RegHeader {
    /** {@code Windows Registry Editor Version 5.00}: regedit since Windows 2000, string data in UTF-16LE. */
    VERSION_5("Windows Registry Editor Version 5.00"),
    /** {@code REGEDIT4}: Windows 9x/NT4, string data in {@code hex(...)} is one ANSI byte per character. */
    REGEDIT4("REGEDIT4");

    private final String line;

    RegHeader(String line) {
        this.line = line;
    }

    /** @return the header line as written */
    public String line() {
        return line;
    }
}
