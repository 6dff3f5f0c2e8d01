package dev.patchchain.core.volume;

import dev.patchchain.core.version.FileVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one file: its size and its fixed file version, or why the version is not known, and, when it
 * was read, its signer.
 *
 * <pre>{@code
 * FileFacts.versioned(1024, FileVersion.parse("6.1.7601.17514"));
 * FileFacts.unversioned(512, "no VERSIONINFO resource");
 * }</pre>
 *
 * @param size        size in bytes, or {@code -1} if not known
 * @param version     the fixed FileVersion, if the file has one and it was read
 * @param versionNote why {@code version} is empty (empty string when a version is present)
 * @param signer      its signature, if it was read (reading signatures is optional: it costs time)
 */
public record FileFacts(long size, Optional<FileVersion> version, String versionNote, Optional<SignerFacts> signer) {

    /** A file about which nothing was read. */
    public static final FileFacts UNKNOWN = new FileFacts(-1, Optional.empty(), "not inspected");

    /** Checks the components. */
    public FileFacts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionNote, "versionNote");
        Objects.requireNonNull(signer, "signer");
        if (size < -1) {
            throw new IllegalArgumentException("size must be >= -1, was " + size);
        }
    }

    /**
     * Facts without signature information.
     *
     * @param size        size in bytes, or -1
     * @param version     the fixed FileVersion, if known
     * @param versionNote why {@code version} is empty
     */
    public FileFacts(long size, Optional<FileVersion> version, String versionNote) {
        this(size, version, versionNote, Optional.empty());
    }

    /**
     * @param facts what was read about the signature
     * @return these facts with the signature added
     */
    public FileFacts withSigner(SignerFacts facts) {
        return new FileFacts(size, version, versionNote, Optional.of(facts));
    }

    /**
     * @param size    size in bytes, or -1
     * @param version the fixed file version
     * @return facts for a file with a version resource
     */
    public static FileFacts versioned(long size, FileVersion version) {
        return new FileFacts(size, Optional.of(version), "");
    }

    /**
     * @param size size in bytes, or -1
     * @param note why there is no version, e.g. {@code "no VERSIONINFO resource"}
     * @return facts for a file whose version is not known
     */
    public static FileFacts unversioned(long size, String note) {
        return new FileFacts(size, Optional.empty(), note);
    }
}
