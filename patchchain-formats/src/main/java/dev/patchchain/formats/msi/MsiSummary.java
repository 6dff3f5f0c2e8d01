package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.poi.hpsf.NoPropertySetStreamException;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;

/**
 * A storage's {@code \005SummaryInformation} property set, read through Apache POI's HPSF: the properties a patch
 * and its transforms use ({@code docs/formats/msi.md#patches}). Strings that are absent are null.
 *
 * @param title          PID 2
 * @param template       PID 7: a patch's target product codes, a transform's platform and language
 * @param lastAuthor     PID 8: a patch's transform substorages, {@code :T1;:#T1}
 * @param revisionNumber PID 9: a patch's code (and the codes it supersedes); a transform's target
 * @param charCount      PID 16: a transform's validation and error-suppression flags
 */
record MsiSummary(String title, String template, String lastAuthor, String revisionNumber,
                  int charCount) {

    /** The largest summary stream read; real ones are under a kilobyte. */
    static final int MAX_BYTES = 1 << 20;

    /**
     * @param storage a database's, patch's or transform's storage
     * @param source  its name, for errors
     * @return its summary, or empty if it has none
     * @throws FormatException if the stream is not a summary property set
     */
    static Optional<MsiSummary> read(DirectoryNode storage, String source) throws FormatException {
        String name = SummaryInformation.DEFAULT_STREAM_NAME;
        if (!storage.hasEntry(name)) {
            return Optional.empty();
        }
        try {
            if (!(storage.getEntry(name) instanceof DocumentEntry doc)) {
                return Optional.empty();
            }
            if (doc.getSize() > MAX_BYTES) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, source, -1, "summary information of "
                        + doc.getSize() + " bytes is over the limit of " + MAX_BYTES);
            }
            byte[] bytes;
            try (InputStream in = storage.createDocumentInputStream(doc)) {
                bytes = in.readNBytes(doc.getSize());
            }
            PropertySet set = PropertySetFactory.create(new ByteArrayInputStream(bytes));
            if (!(set instanceof SummaryInformation s)) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1,
                        "the summary information stream holds another property set");
            }
            return Optional.of(new MsiSummary(s.getTitle(), s.getTemplate(), s.getLastAuthor(),
                    s.getRevNumber(), s.getCharCount()));
        } catch (NoPropertySetStreamException | IOException | RuntimeException e) {
            if (e instanceof FormatException f) {
                throw f;
            }
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "summary information: " + e);
        }
    }
}
