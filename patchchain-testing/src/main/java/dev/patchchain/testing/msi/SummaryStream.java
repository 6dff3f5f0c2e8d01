package dev.patchchain.testing.msi;

import java.io.IOException;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hpsf.WritingNotSupportedException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;

/**
 * The {@code \005SummaryInformation} stream of a database, transform or patch, written with Apache POI's HPSF. The
 * Windows Installer gives some properties its own meaning: PID 7 (template) is "platform;language" in a transform
 * and the target ProductCodes in a patch; PID 8 (last saved by) the patch's transform substorages; PID 9 (revision)
 * the transform's "{product}version;{product}version;{UpgradeCode}" or the patch code; PID 16 (character count) a
 * transform's validation flags and error conditions to suppress: Microsoft documents the validation flags in the high
 * word, Wine's {@code msi.dll} reads them from the low word (docs/testing.md).
 *
 * <pre>{@code
 * new SummaryStream().title("Patch").template(productCode).lastAuthor(":T1;:#T1").revNumber(patchCode)
 *         .wordCount(4).writeTo(root);
 * }</pre>
 */
public final class SummaryStream {

    /** The code page of the property set's strings (PID 1). */
    private static final int CODEPAGE = 1252;

    private final SummaryInformation info = PropertySetFactory.newSummaryInformation();

    /** A summary with no property but the code page. */
    public SummaryStream() {
        info.getFirstSection().setCodepage(CODEPAGE);
    }

    /**
     * @param title PID 2
     * @return this
     */
    public SummaryStream title(String title) {
        info.setTitle(title);
        return this;
    }

    /**
     * @param subject PID 3
     * @return this
     */
    public SummaryStream subject(String subject) {
        info.setSubject(subject);
        return this;
    }

    /**
     * @param author PID 4
     * @return this
     */
    public SummaryStream author(String author) {
        info.setAuthor(author);
        return this;
    }

    /**
     * @param template PID 7
     * @return this
     */
    public SummaryStream template(String template) {
        info.setTemplate(template);
        return this;
    }

    /**
     * @param lastAuthor PID 8
     * @return this
     */
    public SummaryStream lastAuthor(String lastAuthor) {
        info.setLastAuthor(lastAuthor);
        return this;
    }

    /**
     * @param revNumber PID 9
     * @return this
     */
    public SummaryStream revNumber(String revNumber) {
        info.setRevNumber(revNumber);
        return this;
    }

    /**
     * @param pageCount PID 14 (a database's or transform's minimum installer version, e.g. 200)
     * @return this
     */
    public SummaryStream pageCount(int pageCount) {
        info.setPageCount(pageCount);
        return this;
    }

    /**
     * @param wordCount PID 15
     * @return this
     */
    public SummaryStream wordCount(int wordCount) {
        info.setWordCount(wordCount);
        return this;
    }

    /**
     * @param charCount PID 16
     * @return this
     */
    public SummaryStream charCount(int charCount) {
        info.setCharCount(charCount);
        return this;
    }

    /**
     * Writes the stream into a storage.
     *
     * @param directory the root or a substorage
     * @throws IOException if POI cannot write it
     */
    public void writeTo(DirectoryEntry directory) throws IOException {
        try {
            info.write(directory, SummaryInformation.DEFAULT_STREAM_NAME);
        } catch (WritingNotSupportedException e) {
            throw new IOException("HPSF cannot write the summary information", e);
        }
    }
}
