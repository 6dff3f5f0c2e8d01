package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code StringTable} of {@code StringFileInfo}: its key is eight hex digits, language then code page
 * ({@code 040904b0} is en-US, UTF-16), and its children are the key/value strings.
 *
 * @param language the language from the key, or -1 if the key is not eight hex digits
 * @param codePage the code page from the key, or -1 likewise
 * @param strings  the strings in file order (a repeated key keeps its last value)
 */
record StringTable(int language, int codePage, Map<String, String> strings) {

    private static final int KEY_DIGITS = 8;
    private static final int HEX = 16;

    static StringTable read(LeReader r, VersionBlock table) throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        for (VersionBlock string : table.children(r)) {
            strings.put(string.key(), string.text(r));
        }
        String key = table.key();
        boolean hex = key.length() == KEY_DIGITS && key.chars().allMatch(c -> Character.digit(c, HEX) >= 0);
        int language = hex ? Integer.parseInt(key.substring(0, KEY_DIGITS / 2), HEX) : -1;
        int codePage = hex ? Integer.parseInt(key.substring(KEY_DIGITS / 2), HEX) : -1;
        return new StringTable(language, codePage, Collections.unmodifiableMap(strings));
    }
}
