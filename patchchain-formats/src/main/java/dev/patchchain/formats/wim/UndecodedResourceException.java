package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;

/**
 * An {@code UNSUPPORTED} WIM resource that an external tool may still expand: it is compressed with LZMS (or in a
 * solid resource) and {@link WimReader} does not decode that. Example: {@code kb.wim at 0x1d0: update.mum is in a
 * solid resource compressed with LZMS, which this reader does not expand}.
 */
public final class UndecodedResourceException extends FormatException {

    private static final long serialVersionUID = 1L;

    private final String compression;

    UndecodedResourceException(String source, long offset, String compression, String message) {
        super(Kind.UNSUPPORTED, source, offset, message);
        this.compression = compression;
    }

    /** @return the compression not decoded, e.g. {@code LZMS} */
    public String compression() {
        return compression;
    }
}
