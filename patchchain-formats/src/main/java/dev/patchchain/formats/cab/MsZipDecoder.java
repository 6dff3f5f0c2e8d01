package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Expands the blocks of one MSZIP folder ({@code docs/formats/cab.md#mszip}): each block is the signature
 * {@code CK} and a raw deflate stream ending in a final deflate block, and may refer back into the output of the
 * blocks before it, so the last 32 KiB of output is carried over as the next block's preset dictionary.
 */
final class MsZipDecoder implements AutoCloseable {

    static final int SIGNATURE = 0x4B43; // "CK", little-endian
    static final int SIGNATURE_SIZE = 2;
    static final int WINDOW = 0x8000;

    private final Inflater inflater = new Inflater(true);
    private final byte[] window = new byte[WINDOW];
    private int windowFill;

    /**
     * @param block the block
     * @param in    the cabinet, for errors
     * @return its {@code cbUncomp} expanded bytes
     * @throws FormatException if the block is not MSZIP or does not expand to exactly {@code cbUncomp} bytes
     */
    byte[] expand(CabDataBlock block, RangeInput in) throws FormatException {
        LeReader data = block.data();
        if (data.size() < SIGNATURE_SIZE || data.u16(0, "MSZIP signature") != SIGNATURE) {
            throw in.corrupt(block.offset(), "MSZIP block without its CK signature");
        }
        byte[] input = new byte[data.size() - SIGNATURE_SIZE + 1]; // one spare byte: Inflater(nowrap) may need it
        System.arraycopy(data.bytes(SIGNATURE_SIZE, data.size() - SIGNATURE_SIZE, "MSZIP data"), 0, input, 0,
                input.length - 1);
        byte[] out = new byte[block.uncompressedSize()];
        inflater.reset();
        if (windowFill > 0) {
            inflater.setDictionary(window, WINDOW - windowFill, windowFill);
        }
        inflater.setInput(input);
        int produced;
        try {
            produced = inflater.inflate(out);
            if (produced == out.length && !inflater.finished()) {
                produced += inflater.inflate(new byte[1]);
            }
        } catch (DataFormatException e) {
            throw in.corrupt(block.offset(), "MSZIP block does not inflate: " + e.getMessage());
        }
        if (produced != out.length || !inflater.finished()) {
            throw in.corrupt(block.offset(), "MSZIP block expands to " + (inflater.finished() ? "" : "more than ")
                    + produced + " bytes, not the " + out.length + " of its cbUncomp");
        }
        remember(out);
        return out;
    }

    private void remember(byte[] out) {
        int keep = Math.min(out.length, WINDOW);
        int carried = Math.min(windowFill, WINDOW - keep);
        System.arraycopy(window, WINDOW - carried, window, WINDOW - carried - keep, carried);
        System.arraycopy(out, out.length - keep, window, WINDOW - keep, keep);
        windowFill = carried + keep;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
