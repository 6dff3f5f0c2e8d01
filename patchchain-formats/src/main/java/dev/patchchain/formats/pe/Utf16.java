package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** UTF-16LE text inside a version resource; an unpaired surrogate becomes U+FFFD rather than an error. */
final class Utf16 {

    private Utf16() {
    }

    static String decode(LeReader r, int from, int to) throws IOException {
        return new String(r.bytes(from, to - from, "version resource text"), StandardCharsets.UTF_16LE);
    }
}
