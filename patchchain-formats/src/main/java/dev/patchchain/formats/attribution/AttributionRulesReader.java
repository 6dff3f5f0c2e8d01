package dev.patchchain.formats.attribution;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.analysis.AttributionRule;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads attribution rules: UTF-8 text, one rule a line, {@code class<TAB>label<TAB>regex}; blank lines and lines
 * starting with {@code #} are skipped. The rules patchchain ships are the resource {@code attribution-rules.tsv}
 * next to this class ({@link #defaults()}).
 *
 * <pre>{@code
 * AttributionRules rules = AttributionRulesReader.read("antivirus\tWindows Defender\t\\\\WINDOWS DEFENDER\\\\\n", "x.tsv");
 * }</pre>
 */
public final class AttributionRulesReader {

    /** The shipped rules' resource name, relative to this class. */
    public static final String RESOURCE = "attribution-rules.tsv";

    private static final int COLUMNS = 3;

    private AttributionRulesReader() {
    }

    /**
     * @param text   the rules file's text
     * @param source its name, for messages
     * @return the rules, in file order
     * @throws TextFormatException naming the line if a line has not three columns, names no known class or holds
     *                             an invalid regex
     */
    public static AttributionRules read(String text, String source) throws TextFormatException {
        List<AttributionRule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rules.add(rule(line, source, i + 1));
        }
        return AttributionRules.of(rules);
    }

    /** @return the rules patchchain ships (the resource {@value #RESOURCE}) */
    public static AttributionRules defaults() {
        try (InputStream in = AttributionRulesReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the formats jar");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributionRule rule(String line, String source, int lineNumber) throws TextFormatException {
        String[] columns = line.split("\t", -1);
        if (columns.length != COLUMNS) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, lineNumber, 0,
                    "expected class<TAB>label<TAB>regex, found " + columns.length + " tab-separated columns");
        }
        Attribution attribution = Attribution.parse(columns[0])
                .filter(a -> a != Attribution.UNKNOWN)
                .orElseThrow(() -> new TextFormatException(FormatException.Kind.CORRUPT, source, lineNumber, 1,
                        "unknown class '" + columns[0] + "'"));
        try {
            return new AttributionRule(attribution, columns[1].trim(), Pattern.compile(columns[2]));
        } catch (PatternSyntaxException e) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, lineNumber, 0,
                    "invalid regex '" + columns[2] + "': " + e.getDescription());
        }
    }
}
