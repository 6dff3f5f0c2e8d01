package dev.patchchain.platform.image;

import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.SignerFacts;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The usual {@link FileInspector}: the fixed FileVersion of the PE version resource. A file that is not a PE, has
 * no version resource, is damaged or cannot be read is unversioned, and the note says which.
 *
 * <pre>{@code
 * new PeFileInspector().inspect(Path.of("/mnt/win/Windows/System32/ntdll.dll"), 1_945_000);
 * // FileFacts[size=1945000, version=Optional[6.1.7601.24059], versionNote=, signer=Optional.empty]
 * }</pre>
 *
 * <p>{@link #withSignatures} also reads each file's signer (inline Authenticode, else a catalog listing it): it
 * hashes every file it inspects, so it is an option. A file that cannot be read gets no signer facts; a file that is
 * not a PE counts as unsigned.
 */
public final class PeFileInspector implements FileInspector {

    private final Optional<SignatureReader> signatures;

    /** Reads versions only. */
    public PeFileInspector() {
        this(Optional.empty());
    }

    private PeFileInspector(Optional<SignatureReader> signatures) {
        this.signatures = signatures;
    }

    /**
     * @param trust    where signature chains must lead ({@link TrustStore#none()}: chains are not validated)
     * @param catalogs the image's catalogs, e.g. {@link CatRoot#index(ImageVolume)}
     * @return an inspector that reads versions and signers
     */
    public static PeFileInspector withSignatures(TrustStore trust, CatalogIndex catalogs) {
        return new PeFileInspector(Optional.of(new SignatureReader(new AuthenticodeVerifier(trust), catalogs)));
    }

    @Override
    public FileFacts inspect(Path file, long size) {
        FileFacts facts = version(file, size);
        if (signatures.isEmpty()) {
            return facts;
        }
        try {
            return facts.withSigner(signatures.get().read(file));
        } catch (FormatException e) {
            return facts.withSigner(SignerFacts.unsigned("not a readable PE image: " + e.getMessage()));
        } catch (IOException e) {
            return facts;
        }
    }

    private static FileFacts version(Path file, long size) {
        try {
            PeVersionInfo info = PeVersionReader.read(file);
            return info.fileVersion()
                    .map(version -> FileFacts.versioned(size, version))
                    .orElseGet(() -> FileFacts.unversioned(size, info.language() < 0 ? "no VERSIONINFO resource"
                            : "VERSIONINFO resource without VS_FIXEDFILEINFO"));
        } catch (FormatException e) {
            String why = switch (e.kind()) {
                case NOT_THIS_FORMAT -> "not a PE image: ";
                case CORRUPT -> "damaged PE image: ";
                case UNSUPPORTED -> "unsupported PE image: ";
            };
            return FileFacts.unversioned(size, why + e.getMessage());
        } catch (IOException e) {
            return FileFacts.unversioned(size, "unreadable: " + e);
        }
    }
}
