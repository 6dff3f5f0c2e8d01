package dev.patchchain.formats.pe;

import dev.patchchain.core.version.FileVersion;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code VS_VERSIONINFO}: fixed info, one {@code StringFileInfo} table and a {@code VarFileInfo}
 * translation, laid out as the resource compiler lays them out (every block 32-bit aligned from the resource
 * start, {@code wLength} without trailing padding).
 */
final class VersionResourceWriter {

    private static final int TYPE_BINARY = 0;
    private static final int TYPE_TEXT = 1;
    private static final int FIXED_SIGNATURE = 0xFEEF04BD;
    private static final int FIXED_STRUC_VERSION = 0x0001_0000;
    private static final int FILE_FLAGS_MASK = 0x3F;
    private static final int VOS_NT_WINDOWS32 = 0x0004_0004;
    private static final int VFT_DLL = 2;
    private static final int MAX_BLOCK = 0xFFFF;

    private VersionResourceWriter() {
    }

    static byte[] write(FileVersion file, FileVersion product, int language, int codePage,
            Map<String, String> strings) {
        List<byte[]> stringBlocks = new ArrayList<>();
        strings.forEach((key, value) -> stringBlocks.add(block(key, TYPE_TEXT, value.length() + 1,
                utf16z(value), List.of())));
        byte[] table = block(String.format("%04x%04x", language, codePage), TYPE_TEXT, 0, new byte[0], stringBlocks);
        byte[] stringFileInfo = block("StringFileInfo", TYPE_TEXT, 0, new byte[0], List.of(table));
        byte[] translation = le(4).putShort((short) language).putShort((short) codePage).array();
        byte[] var = block("Translation", TYPE_BINARY, translation.length, translation, List.of());
        byte[] varFileInfo = block("VarFileInfo", TYPE_TEXT, 0, new byte[0], List.of(var));
        byte[] fixed = fixedFileInfo(file, product);
        return block("VS_VERSION_INFO", TYPE_BINARY, fixed.length, fixed, List.of(stringFileInfo, varFileInfo));
    }

    private static byte[] fixedFileInfo(FileVersion file, FileVersion product) {
        return le(FixedFileInfo.SIZE)
                .putInt(FIXED_SIGNATURE).putInt(FIXED_STRUC_VERSION)
                .putInt(file.ms()).putInt(file.ls()).putInt(product.ms()).putInt(product.ls())
                .putInt(FILE_FLAGS_MASK).putInt(0).putInt(VOS_NT_WINDOWS32).putInt(VFT_DLL).putInt(0)
                .putInt(0).putInt(0)
                .array();
    }

    private static byte[] block(String key, int type, int valueLength, byte[] value, List<byte[]> children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[6]);
        out.writeBytes(utf16z(key));
        pad(out);
        out.writeBytes(value);
        for (byte[] child : children) {
            pad(out);
            out.writeBytes(child);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_BLOCK) {
            throw new IllegalArgumentException("version block \"" + key + "\" of " + bytes.length
                    + " bytes does not fit wLength (at most " + MAX_BLOCK + ")");
        }
        le(6).putShort((short) bytes.length).putShort((short) valueLength).putShort((short) type).flip()
                .get(bytes, 0, 6);
        return bytes;
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static byte[] utf16z(String text) {
        return (text + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
