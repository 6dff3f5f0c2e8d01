package dev.patchchain.formats.wim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-1 as WIMs use it to name blobs; all zeros means "no data" (an empty stream). */
record Sha1(byte[] bytes) {

    static final int SIZE = 20;
    static final Sha1 ZERO = new Sha1(new byte[SIZE]);

    static Sha1 of(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(data, 0, length);
            return new Sha1(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    boolean isZero() {
        return Arrays.equals(bytes, ZERO.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha1 s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
