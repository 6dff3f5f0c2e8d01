package dev.patchchain.formats.wim;

/** Expands one compressed chunk of a WIM resource into exactly the chunk's expanded size. */
interface ChunkDecoder {

    /** @return the largest chunk it decodes */
    int maxChunkSize();

    /**
     * @param in     the compressed chunk
     * @param out    receives the expanded bytes from index 0
     * @param outLen exactly how many bytes the chunk expands to
     * @param source the WIM's name, for errors
     * @param offset the chunk's offset in the WIM, for errors
     * @throws BadChunkException if the data does not decode to exactly {@code outLen} bytes (the caller adds where)
     * @throws dev.patchchain.formats.FormatException the same, from a decoder that says where itself
     */
    void decode(byte[] in, byte[] out, int outLen, String source, long offset)
            throws BadChunkException, dev.patchchain.formats.FormatException;

    /** A chunk that does not decode; the resource reader adds where it is. */
    final class BadChunkException extends Exception {

        private static final long serialVersionUID = 1L;

        BadChunkException(String message) {
            super(message);
        }
    }
}
