package dev.patchchain.formats.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes a resource section holding one {@code RT_VERSION} resource (name id 1) in one or more languages: root
 * directory, name directory, language directory, data entries, then the version resources, each 32-bit aligned.
 */
final class ResourceTreeWriter {

    /**
     * One language's version resource.
     *
     * @param language the language id
     * @param bytes    the {@code VS_VERSIONINFO}
     */
    record Version(int language, byte[] bytes) {
    }

    private static final int DIRECTORY_SIZE = 16;
    private static final int ENTRY_SIZE = 8;
    private static final int DATA_ENTRY_SIZE = 16;
    private static final int RT_VERSION = 16;
    private static final int VS_VERSION_INFO_NAME = 1;
    private static final int SUBDIRECTORY = 0x8000_0000;

    private final int sectionRva;

    ResourceTreeWriter(int sectionRva) {
        this.sectionRva = sectionRva;
    }

    byte[] write(List<Version> versions) {
        if (versions.isEmpty()) {
            return new byte[DIRECTORY_SIZE];
        }
        int nameDirectory = DIRECTORY_SIZE + ENTRY_SIZE;
        int languageDirectory = nameDirectory + DIRECTORY_SIZE + ENTRY_SIZE;
        int dataEntries = languageDirectory + DIRECTORY_SIZE + ENTRY_SIZE * versions.size();
        int data = align4(dataEntries + DATA_ENTRY_SIZE * versions.size());
        int size = data;
        for (Version v : versions) {
            size = align4(size) + v.bytes().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        directory(out, 0, 1).putInt(RT_VERSION).putInt(SUBDIRECTORY | nameDirectory);
        directory(out, nameDirectory, 1).putInt(VS_VERSION_INFO_NAME).putInt(SUBDIRECTORY | languageDirectory);
        directory(out, languageDirectory, versions.size());
        for (int i = 0; i < versions.size(); i++) {
            out.putInt(versions.get(i).language()).putInt(dataEntries + i * DATA_ENTRY_SIZE);
        }
        int at = data;
        for (int i = 0; i < versions.size(); i++) {
            byte[] bytes = versions.get(i).bytes();
            at = align4(at);
            out.position(at).put(bytes);
            out.position(dataEntries + i * DATA_ENTRY_SIZE).putInt(sectionRva + at).putInt(bytes.length);
            at += bytes.length;
        }
        return out.array();
    }

    private static ByteBuffer directory(ByteBuffer out, int offset, int idEntries) {
        // Characteristics, TimeDateStamp, versions and NumberOfNamedEntries stay 0.
        return out.position(offset + DIRECTORY_SIZE - 2).putShort((short) idEntries);
    }

    private static int align4(int offset) {
        return (offset + 3) & ~3;
    }
}
