package dev.patchchain.formats.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the headers and the one {@code .rsrc} section of a minimal DLL image (PE format spec: DOS header, PE
 * signature, COFF header, optional header, section table), with the resource data directory pointing at the
 * section.
 */
final class ImageWriter {

    private static final int E_LFANEW = 0x3C;
    private static final int PE_HEADER = 0x40; // where e_lfanew points
    private static final int FILE_ALIGNMENT = 0x200;
    private static final int SECTION_ALIGNMENT = 0x1000;
    private static final int OPTIONAL_SIZE_PE32 = 224;
    private static final int OPTIONAL_SIZE_PE32_PLUS = 240;
    private static final int CHARACTERISTICS_DLL_64 = 0x2022; // EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE | DLL
    private static final int CHARACTERISTICS_DLL_32 = 0x2102; // EXECUTABLE_IMAGE | 32BIT_MACHINE | DLL
    private static final int SUBSYSTEM_WINDOWS_GUI = 2;
    private static final int DLL_CHARACTERISTICS = 0x0140; // DYNAMIC_BASE | NX_COMPAT
    private static final int DATA_DIRECTORIES = 16;
    private static final int RESOURCE_DIRECTORY_INDEX = 2;
    private static final int SECTION_READ_INITIALIZED_DATA = 0x4000_0040;

    private final int machine;
    private final boolean pe32Plus;
    private final int sectionOffset;
    private final int sectionRva;

    ImageWriter(int machine, boolean pe32Plus, int sectionOffset, int sectionRva) {
        this.machine = machine;
        this.pe32Plus = pe32Plus;
        this.sectionOffset = sectionOffset;
        this.sectionRva = sectionRva;
    }

    byte[] write(byte[] resources) {
        int rawSize = align(resources.length, FILE_ALIGNMENT);
        ByteBuffer out = ByteBuffer.allocate(sectionOffset + rawSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("MZ".getBytes(StandardCharsets.US_ASCII)).putInt(E_LFANEW, PE_HEADER);
        int optionalSize = pe32Plus ? OPTIONAL_SIZE_PE32_PLUS : OPTIONAL_SIZE_PE32;
        out.position(PE_HEADER).put("PE\0\0".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) machine).putShort((short) 1) // one section
                .putInt(0).putInt(0).putInt(0) // TimeDateStamp, PointerToSymbolTable, NumberOfSymbols
                .putShort((short) optionalSize)
                .putShort((short) (pe32Plus ? CHARACTERISTICS_DLL_64 : CHARACTERISTICS_DLL_32));
        optionalHeader(out, resources.length, rawSize);
        out.put(".rsrc\0\0\0".getBytes(StandardCharsets.US_ASCII))
                .putInt(resources.length).putInt(sectionRva).putInt(rawSize).putInt(sectionOffset)
                .putInt(0).putInt(0).putShort((short) 0).putShort((short) 0) // relocations, line numbers
                .putInt(SECTION_READ_INITIALIZED_DATA);
        out.position(sectionOffset).put(resources);
        return out.array();
    }

    private void optionalHeader(ByteBuffer out, int resourceSize, int rawSize) {
        out.putShort((short) (pe32Plus ? 0x20B : 0x10B)).put((byte) 14).put((byte) 0) // magic, linker 14.0
                .putInt(0).putInt(rawSize).putInt(0) // code, initialized data, uninitialized data
                .putInt(0).putInt(sectionRva); // AddressOfEntryPoint (none: a resource-only DLL), BaseOfCode
        if (pe32Plus) {
            out.putLong(0x1_8000_0000L);
        } else {
            out.putInt(sectionRva).putInt(0x1000_0000); // BaseOfData, ImageBase
        }
        out.putInt(SECTION_ALIGNMENT).putInt(FILE_ALIGNMENT)
                .putShort((short) 6).putShort((short) 0) // operating system version
                .putShort((short) 0).putShort((short) 0) // image version
                .putShort((short) 6).putShort((short) 0) // subsystem version
                .putInt(0) // Win32VersionValue
                .putInt(sectionRva + align(resourceSize, SECTION_ALIGNMENT)) // SizeOfImage
                .putInt(sectionOffset) // SizeOfHeaders
                .putInt(0) // CheckSum
                .putShort((short) SUBSYSTEM_WINDOWS_GUI).putShort((short) DLL_CHARACTERISTICS);
        long[] stackAndHeap = {0x10_0000, 0x1000, 0x10_0000, 0x1000};
        for (long size : stackAndHeap) {
            if (pe32Plus) {
                out.putLong(size);
            } else {
                out.putInt((int) size);
            }
        }
        out.putInt(0).putInt(DATA_DIRECTORIES); // LoaderFlags, NumberOfRvaAndSizes
        for (int i = 0; i < DATA_DIRECTORIES; i++) {
            boolean resource = i == RESOURCE_DIRECTORY_INDEX;
            out.putInt(resource ? sectionRva : 0).putInt(resource ? resourceSize : 0);
        }
    }

    private static int align(int value, int alignment) {
        return Math.max(alignment, (value + alignment - 1) / alignment * alignment);
    }
}
