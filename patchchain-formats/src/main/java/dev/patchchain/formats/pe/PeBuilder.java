package dev.patchchain.formats.pe;

import dev.patchchain.core.version.FileVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds a small valid PE DLL (no code, one {@code .rsrc} section) with a chosen version resource: for tests, fuzz
 * seeds and the {@code demo} command. Windows, pefile and exiftool read what it writes.
 *
 * <pre>{@code
 * byte[] dll = PeBuilder.dll()
 *         .fileVersion(FileVersion.parse("10.0.19041.1"))
 *         .string("CompanyName", "Example Ltd")
 *         .language(0x409)
 *         .build();
 * }</pre>
 *
 * <p>Without a version, a product version or a string the image has an empty resource directory. Each language
 * gets its own version resource with a string table for that language and code page 1200 (UTF-16).
 */
public final class PeBuilder {

    /** File offset of the {@code .rsrc} section, which is also the resource tree's start. */
    static final int RESOURCE_FILE_OFFSET = 0x200;
    /** RVA of the {@code .rsrc} section. */
    static final int RESOURCE_RVA = 0x1000;
    private static final int MACHINE_AMD64 = 0x8664;
    private static final int MACHINE_I386 = 0x14C;
    private static final int CODE_PAGE_UTF16 = 1200;
    private static final int LANG_EN_US = 0x409;

    private int machine = MACHINE_AMD64;
    private boolean pe32Plus = true;
    private FileVersion fileVersion;
    private FileVersion productVersion;
    private final Map<String, String> strings = new LinkedHashMap<>();
    private final TreeSet<Integer> languages = new TreeSet<>();

    private PeBuilder() {
    }

    /** @return a builder for a PE32+ x64 DLL */
    public static PeBuilder dll() {
        return new PeBuilder();
    }

    /**
     * Makes the image PE32 for x86 (call {@link #machine(int)} afterwards for another 32-bit machine).
     *
     * @return this
     */
    public PeBuilder pe32() {
        pe32Plus = false;
        machine = MACHINE_I386;
        return this;
    }

    /**
     * @param coffMachine the COFF {@code Machine} value, e.g. {@code 0xAA64} for arm64
     * @return this
     */
    public PeBuilder machine(int coffMachine) {
        this.machine = coffMachine & 0xFFFF;
        return this;
    }

    /**
     * @param version the fixed FileVersion (also the ProductVersion unless that is set)
     * @return this
     */
    public PeBuilder fileVersion(FileVersion version) {
        this.fileVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * @param version the fixed ProductVersion
     * @return this
     */
    public PeBuilder productVersion(FileVersion version) {
        this.productVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * @param key   a string key, e.g. {@code "CompanyName"}
     * @param value its value
     * @return this
     */
    public PeBuilder string(String key, String value) {
        strings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds a language with its own version resource; without any, the image has one for 0x409 (en-US).
     *
     * @param languageId a language id, 0..0xFFFF
     * @return this
     */
    public PeBuilder language(int languageId) {
        if (languageId < 0 || languageId > 0xFFFF) {
            throw new IllegalArgumentException("language id must be 0..0xFFFF, was " + languageId);
        }
        languages.add(languageId);
        return this;
    }

    /**
     * @return the image's bytes
     * @throws IllegalArgumentException if the strings do not fit one version resource (64 KiB)
     */
    public byte[] build() {
        byte[] resources = resourceSection();
        return new ImageWriter(machine, pe32Plus, RESOURCE_FILE_OFFSET, RESOURCE_RVA).write(resources);
    }

    private byte[] resourceSection() {
        boolean versioned = fileVersion != null || productVersion != null || !strings.isEmpty();
        if (!versioned) {
            return new ResourceTreeWriter(RESOURCE_RVA).write(List.of());
        }
        FileVersion file = fileVersion != null ? fileVersion : new FileVersion(0, 0, 0, 0);
        FileVersion product = productVersion != null ? productVersion : file;
        List<ResourceTreeWriter.Version> versions = new ArrayList<>();
        for (int language : languages.isEmpty() ? List.of(LANG_EN_US) : languages) {
            versions.add(new ResourceTreeWriter.Version(language,
                    VersionResourceWriter.write(file, product, language, CODE_PAGE_UTF16, strings)));
        }
        return new ResourceTreeWriter(RESOURCE_RVA).write(versions);
    }
}
