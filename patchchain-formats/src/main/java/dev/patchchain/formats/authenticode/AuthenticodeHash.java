package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.pe.PeLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Authenticode image hash of a PE file: every byte of the file in file order except the optional header's
 * {@code CheckSum}, the certificate-table directory entry and the certificate table itself. A file without a
 * certificate table is hashed to its end and padded with zeros to a multiple of 8 bytes, as the signer pads it
 * before appending the table. This is what Windows and osslsigncode compute; Microsoft's document describes sorting
 * the sections, which gives the same bytes for every image whose sections are laid out in order.
 *
 * <pre>{@code
 * byte[] sha256 = AuthenticodeHash.compute(Path.of("foo.dll"), "SHA-256");
 * }</pre>
 *
 * <p>The file is streamed through a small buffer with positional reads; it is never read whole.
 */
public final class AuthenticodeHash {

    private static final int BUFFER = 64 * 1024;
    private static final int CHECKSUM_SIZE = 4;
    private static final int PAD = 8;

    private AuthenticodeHash() {
    }

    /**
     * @param file      a PE file
     * @param algorithm a JCA digest name: {@code "SHA-1"}, {@code "SHA-256"}, ...
     * @return its Authenticode hash
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a valid PE
     */
    public static byte[] compute(Path file, String algorithm) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return compute(channel, PeLayout.read(channel, file.toString()), algorithm);
        }
    }

    /**
     * @param channel   the file, read with positioned reads, not closed
     * @param layout    its layout
     * @param algorithm a JCA digest name
     * @return its Authenticode hash
     * @throws IOException if it cannot be read
     */
    public static byte[] compute(SeekableByteChannel channel, PeLayout layout, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long end = layout.hasCertificateTable() ? Math.min(layout.certificateTable(), layout.size()) : layout.size();
        long checksumEnd = layout.checksumOffset() + CHECKSUM_SIZE;
        hash(channel, buffer, digest, 0, layout.checksumOffset());
        if (layout.certificateEntry() < 0) {
            hash(channel, buffer, digest, checksumEnd, end);
        } else {
            hash(channel, buffer, digest, checksumEnd, layout.certificateEntry());
            hash(channel, buffer, digest, layout.certificateEntry() + PeLayout.DIRECTORY_ENTRY_SIZE, end);
        }
        if (!layout.hasCertificateTable() && end % PAD != 0) {
            digest.update(new byte[(int) (PAD - end % PAD)]);
        }
        return digest.digest();
    }

    static MessageDigest digest(String algorithm) throws IOException {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("digest " + algorithm + " is not available", e);
        }
    }

    private static void hash(SeekableByteChannel channel, ByteBuffer buffer, MessageDigest digest, long from, long to)
            throws IOException {
        channel.position(from);
        long left = to - from;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("file shrank while being hashed, at offset " + channel.position());
            }
            buffer.flip();
            digest.update(buffer);
            left -= n;
        }
    }
}
