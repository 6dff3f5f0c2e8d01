package dev.patchchain.cli.render;

import java.util.List;

/** CSV as RFC 4180 writes it: comma separated, CRLF line ends, fields quoted when they need it. */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** @param headers the first line */
    public Csv(String... headers) {
        row(headers);
    }

    /**
     * @param cells one value per column ({@code null} is written as an empty field)
     * @return this
     */
    public Csv row(String... cells) {
        List<String> fields = java.util.Arrays.asList(cells);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /** @return the document */
    public String render() {
        return text.toString();
    }

    private static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || (!field.isEmpty() && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' '));
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
