package dev.patchchain.formats.cab;

import dev.patchchain.formats.lzx.LzxTestEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes single-folder LZX cabinets ({@code docs/formats/cab.md}) from {@link LzxTestEncoder} frames, and Quantum
 * ones from {@link QuantumTestEncoder} frames, one CFDATA block per frame, checksums left 0 (none): the fixtures of
 * the LZX and Quantum tests, with their recipe in the test.
 */
final class LzxCabinets {

    private static final int HEADER = 0x24;
    private static final int FOLDER = 8;
    private static final int FILE_FIXED = 16;

    private LzxCabinets() {
    }

    /**
     * @param name       the one file's name
     * @param data       its bytes
     * @param windowBits the LZX window, 15..21
     * @param seed       the encoder's seed
     * @param e8         whether to use the E8 translation (translation size 12 000 000)
     * @return the cabinet
     */
    static byte[] of(String name, byte[] data, int windowBits, long seed, boolean e8) {
        return of(Map.of(name, data), windowBits, seed, e8);
    }

    /**
     * @param files      names ({@code \\} between directories) and bytes, in CFFILE order, all in one folder
     * @param windowBits the LZX window, 15..21
     * @param seed       the encoder's seed
     * @param e8         whether to use the E8 translation (translation size 12 000 000)
     * @return the cabinet
     */
    static byte[] of(Map<String, byte[]> files, int windowBits, long seed, boolean e8) {
        byte[] data = concatenate(files);
        List<byte[]> frames = new LzxTestEncoder(seed, windowBits, e8 ? 12_000_000 : 0).encode(data);
        return cabinet(files, 3 | windowBits << 8, frames);
    }

    /**
     * @param name       the one file's name
     * @param data       its bytes
     * @param windowBits the Quantum window, 10..21
     * @return a Quantum cabinet of it ({@link QuantumTestEncoder})
     */
    static byte[] quantum(String name, byte[] data, int windowBits) {
        return cabinet(Map.of(name, data), 2 | windowBits << 8, new QuantumTestEncoder(windowBits).encode(data));
    }

    private static byte[] concatenate(Map<String, byte[]> files) {
        ByteArrayOutputStream folder = new ByteArrayOutputStream();
        files.values().forEach(folder::writeBytes);
        return folder.toByteArray();
    }

    private static byte[] cabinet(Map<String, byte[]> files, int typeCompress, List<byte[]> frames) {
        ByteArrayOutputStream fileTable = new ByteArrayOutputStream();
        int folderOffset = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] nameBytes = (f.getKey() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer record = ByteBuffer.allocate(FILE_FIXED + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(f.getValue().length).putInt(folderOffset).putShort((short) 0).putShort((short) 0x5B79)
                    .putShort((short) 0x6000).putShort((short) 0x20).put(nameBytes);
            fileTable.writeBytes(record.array());
            folderOffset += f.getValue().length;
        }
        int total = folderOffset;
        int filesOffset = HEADER + FOLDER;
        int dataOffset = filesOffset + fileTable.size();
        long size = dataOffset;
        for (byte[] f : frames) {
            size += 8 + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt((int) size).putInt(0)
                .putInt(filesOffset).putInt(0).put((byte) 3).put((byte) 1).putShort((short) 1)
                .putShort((short) files.size()).putShort((short) 0).putShort((short) 0x1234).putShort((short) 0);
        b.putInt(dataOffset).putShort((short) frames.size()).putShort((short) typeCompress);
        b.put(fileTable.toByteArray());
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            if (f.length > CabDataBlock.MAX_COMPRESSED) {
                throw new IllegalArgumentException("frame " + i + " compressed to " + f.length + " bytes, more than "
                        + "a CFDATA block holds: use more compressible test data");
            }
            b.putInt(0).putShort((short) f.length).putShort((short) Math.min(32768, total - i * 32768)).put(f);
        }
        return b.array();
    }

    /** @return a mix that compresses: text lines, runs, x86-like E8 calls and a little noise */
    static byte[] mixed(int size, long seed) {
        java.util.Random r = new java.util.Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 300);
        String[] words = {"update ", "package ", "servicing ", "component ", "manifest ", "KB4012212 ", "amd64 ",
            "C:\\Windows\\System32\\", "version ", "6.1.7601.", "\r\n"};
        while (out.size() < size) {
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> out.writeBytes(words[r.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII));
                case 3 -> {
                    out.write(0xE8);
                    int rel = r.nextInt(200_000) - 100_000;
                    for (int i = 0; i < 4; i++) {
                        out.write(rel >>> (8 * i));
                    }
                }
                case 4 -> out.writeBytes(new byte[r.nextInt(300)]);
                default -> {
                    byte[] noise = new byte[r.nextInt(40)];
                    r.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, size);
    }
}
