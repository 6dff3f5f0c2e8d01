package dev.patchchain.core.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An absolute Windows path, parsed once: equality and hashing use a case-insensitive canonical form, while the
 * display form keeps the original case.
 *
 * <p>Accepted spellings (see {@link PathSyntax}): {@code C:\...}, {@code \??\C:\...}, {@code \GLOBAL??\C:\...},
 * {@code \\?\C:\...}, {@code \\.\C:\...}, {@code \SystemRoot\...}, {@code %SystemRoot%\...}, {@code %windir%\...},
 * and UNC {@code \\server\share\...} (also {@code \??\UNC\server\share\...}). {@code .} and {@code ..} are
 * resolved; a {@code ..} that would climb above the root, drive-relative paths ({@code C:foo}), relative paths,
 * rooted paths without a drive ({@code \foo}) and device namespaces ({@code \Device\...}, {@code \\.\pipe\...})
 * are refused with a {@link WinPathException} that says why.
 *
 * <pre>{@code
 * WinPath a = WinPath.parse("\\??\\C:\\Windows\\System32\\foo.dll");
 * WinPath b = WinPath.parse("c:\\windows\\system32\\FOO.DLL");
 * a.equals(b);          // true
 * a.toString();         // C:\Windows\System32\foo.dll
 * a.syntax();           // NT
 * }</pre>
 */
public final class WinPath implements Comparable<WinPath> {

    private static final String NT_PREFIX = "\\??\\";
    private static final String GLOBAL_PREFIX = "\\GLOBAL??\\";
    private static final String FILE_NAMESPACE_PREFIX = "\\\\?\\";
    private static final String DEVICE_NAMESPACE_PREFIX = "\\\\.\\";
    private static final String UNC_AFTER_PREFIX = "UNC\\";
    private static final String SYSTEM_ROOT_PREFIX = "\\SystemRoot";
    private static final String INVALID_NAME_CHARS = "<>\"|?*";

    private final String root;
    private final List<String> names;
    private final String canonical;
    private final String raw;
    private final PathSyntax syntax;
    /** Computed on first use; paths are immutable, so a racing second computation is harmless. */
    private WinPath parent;
    /** The display form, computed on first use like {@link #parent}. */
    private String display;

    private WinPath(String root, List<String> names, String raw, PathSyntax syntax) {
        this(root, List.copyOf(names), buildCanonical(root, names), raw, syntax);
    }

    /** For paths derived from another one: {@code names} is already immutable, {@code raw} may be null (display). */
    private WinPath(String root, List<String> names, String canonical, String raw, PathSyntax syntax) {
        this.root = root;
        this.names = names;
        this.canonical = canonical;
        this.raw = raw;
        this.syntax = syntax;
    }

    /**
     * Parses a path with the default system root {@code C:\Windows}.
     *
     * @param text the path as written
     * @return the parsed path
     * @throws WinPathException if the text is not an absolute path this class understands
     */
    public static WinPath parse(String text) {
        return parse(text, PathContext.DEFAULT);
    }

    /**
     * Parses a path.
     *
     * @param text    the path as written
     * @param context what {@code \SystemRoot} and {@code %SystemRoot%} mean; {@code null} refuses those forms
     * @return the parsed path
     * @throws WinPathException if the text is not an absolute path this class understands
     */
    public static WinPath parse(String text, PathContext context) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new WinPathException(text, "empty path");
        }
        if (startsWithIgnoreCase(text, NT_PREFIX) || startsWithIgnoreCase(text, GLOBAL_PREFIX)) {
            int skip = startsWithIgnoreCase(text, NT_PREFIX) ? NT_PREFIX.length() : GLOBAL_PREFIX.length();
            return parseAfterNamespacePrefix(text, text.substring(skip), PathSyntax.NT);
        }
        if (text.startsWith(FILE_NAMESPACE_PREFIX)) {
            return parseAfterNamespacePrefix(text, text.substring(FILE_NAMESPACE_PREFIX.length()),
                    PathSyntax.WIN32_FILE_NAMESPACE);
        }
        if (text.startsWith(DEVICE_NAMESPACE_PREFIX)) {
            String rest = text.substring(DEVICE_NAMESPACE_PREFIX.length());
            if (!isDriveAbsolute(rest)) {
                throw new WinPathException(text, "device namespace path is not a file on a drive (only \\\\.\\C:\\... is understood)");
            }
            return parseDriveAbsolute(text, rest, PathSyntax.WIN32_DEVICE_NAMESPACE);
        }
        if (text.startsWith("\\\\") || text.startsWith("//")) {
            return parseUnc(text, text.substring(2), PathSyntax.DOS);
        }
        if (isSystemRootForm(text)) {
            return relativeToSystemRoot(text, text.substring(SYSTEM_ROOT_PREFIX.length()), context, PathSyntax.SYSTEM_ROOT);
        }
        String variable = environmentVariablePrefix(text);
        if (variable != null) {
            return relativeToSystemRoot(text, text.substring(variable.length()), context, PathSyntax.ENVIRONMENT);
        }
        if (isDriveAbsolute(text)) {
            return parseDriveAbsolute(text, text, PathSyntax.DOS);
        }
        if (text.length() >= 2 && isAsciiLetter(text.charAt(0)) && text.charAt(1) == ':') {
            String drive = text.substring(0, 2).toUpperCase(Locale.ROOT);
            throw new WinPathException(text, "drive-relative path depends on the current directory of drive " + drive
                    + " (write \"" + drive + "\\" + text.substring(2) + "\")");
        }
        if (text.startsWith("\\Device\\") || text.regionMatches(true, 0, "\\Device\\", 0, 8)) {
            throw new WinPathException(text, "NT device path: which drive letter the device has is not known (write \\??\\C:\\...)");
        }
        if (text.startsWith("\\") || text.startsWith("/")) {
            throw new WinPathException(text, "rooted path without a drive depends on the current drive (write \"C:" + text + "\")");
        }
        throw new WinPathException(text, "relative path depends on the current directory (write an absolute path such as C:\\dir\\file)");
    }

    /** @return how the path was written */
    public PathSyntax syntax() {
        return syntax;
    }

    /** @return the exact text that was parsed */
    public String raw() {
        return raw != null ? raw : toString();
    }

    /** @return the root in display case: {@code C:} for a drive, {@code \\server\share} for UNC */
    public String root() {
        return root;
    }

    /** @return true for a UNC path */
    public boolean isUnc() {
        return root.startsWith("\\\\");
    }

    /** @return the upper-case drive letter, or {@code 0} for a UNC path */
    public char driveLetter() {
        return isUnc() ? 0 : Character.toUpperCase(root.charAt(0));
    }

    /** @return the names below the root, in display case; empty for the root itself */
    public List<String> names() {
        return names;
    }

    /** @return true if this is a root ({@code C:\}) */
    public boolean isRoot() {
        return names.isEmpty();
    }

    /** @return the last name, or the empty string for a root */
    public String fileName() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    /** @return the parent directory, or {@code null} for a root */
    public WinPath parent() {
        if (names.isEmpty()) {
            return null;
        }
        WinPath cached = parent;
        if (cached != null) {
            return cached;
        }
        String parentCanonical = names.size() == 1 ? canonicalRoot() + "\\"
                : canonical.substring(0, canonical.lastIndexOf('\\'));
        cached = new WinPath(root, names.subList(0, names.size() - 1), parentCanonical, null, PathSyntax.DOS);
        parent = cached;
        return cached;
    }

    /**
     * @param name one path component; must not contain separators
     * @return this path with {@code name} appended
     */
    public WinPath resolve(String name) {
        checkName(null, name);
        if (name.equals(".") || name.equals("..") || name.isEmpty()) {
            throw new WinPathException(name, "not a single file name");
        }
        List<String> child = new ArrayList<>(names.size() + 1);
        child.addAll(names);
        child.add(name);
        String childCanonical = (names.isEmpty() ? canonical : canonical + "\\") + upcase(name);
        return new WinPath(root, List.copyOf(child), childCanonical, null, PathSyntax.DOS);
    }

    /**
     * @param other a path
     * @return true if {@code other} is this path or lies below it (case-insensitively)
     */
    public boolean contains(WinPath other) {
        if (!canonicalRoot().equals(other.canonicalRoot()) || other.names.size() < names.size()) {
            return false;
        }
        return other.canonical.startsWith(canonical)
                && (other.canonical.length() == canonical.length() || names.isEmpty()
                    || other.canonical.charAt(canonical.length()) == '\\');
    }

    /** @return the canonical form: upper case, {@code \}-separated, e.g. {@code C:\WINDOWS\SYSTEM32\FOO.DLL} */
    public String canonical() {
        return canonical;
    }

    /** @return the path as the NT object manager names it, e.g. {@code \??\C:\Windows\foo.dll} */
    public String toNtString() {
        if (isUnc()) {
            return NT_PREFIX + "UNC\\" + toString().substring(2);
        }
        return NT_PREFIX + toString();
    }

    /** @return the display form, e.g. {@code C:\Windows\System32\foo.dll} */
    @Override
    public String toString() {
        String cached = display;
        if (cached == null) {
            cached = buildDisplay(root, names);
            display = cached;
        }
        return cached;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WinPath other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public int compareTo(WinPath other) {
        return canonical.compareTo(other.canonical);
    }

    /**
     * Upper-cases the way NTFS compares names: one UTF-16 unit at a time, without length-changing mappings
     * (so {@code ß} stays {@code ß}, unlike {@link String#toUpperCase()}).
     *
     * @param s a name or path
     * @return its case-folded form
     */
    public static String upcase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    private String canonicalRoot() {
        return upcase(root);
    }

    private static WinPath parseAfterNamespacePrefix(String raw, String rest, PathSyntax syntax) {
        if (startsWithIgnoreCase(rest, UNC_AFTER_PREFIX)) {
            return parseUnc(raw, rest.substring(UNC_AFTER_PREFIX.length()), syntax);
        }
        if (isDriveAbsolute(rest)) {
            return parseDriveAbsolute(raw, rest, syntax);
        }
        if (rest.length() == 2 && isAsciiLetter(rest.charAt(0)) && rest.charAt(1) == ':') {
            throw new WinPathException(raw, "names the volume device itself, not a file or directory on it");
        }
        throw new WinPathException(raw, "namespace prefix is not followed by a drive (\\??\\C:\\...) or UNC\\server\\share");
    }

    private static WinPath parseDriveAbsolute(String raw, String text, PathSyntax syntax) {
        String root = Character.toUpperCase(text.charAt(0)) + ":";
        return new WinPath(root, normalise(raw, text.substring(3)), raw, syntax);
    }

    private static WinPath parseUnc(String raw, String afterSlashes, PathSyntax syntax) {
        List<String> parts = splitNames(afterSlashes);
        if (parts.size() < 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            throw new WinPathException(raw, "UNC path needs a server and a share (\\\\server\\share\\...)");
        }
        String server = parts.get(0);
        String share = parts.get(1);
        checkName(raw, server);
        checkName(raw, share);
        String rest = String.join("\\", parts.subList(2, parts.size()));
        return new WinPath("\\\\" + server + "\\" + share, normalise(raw, rest), raw, syntax);
    }

    private static WinPath relativeToSystemRoot(String raw, String rest, PathContext context, PathSyntax syntax) {
        if (context == null) {
            throw new WinPathException(raw, "no system root is known to resolve this path against");
        }
        WinPath base = context.systemRoot();
        List<String> joined = new ArrayList<>(base.names);
        joined.addAll(normalise(raw, rest));
        return new WinPath(base.root, joined, raw, syntax);
    }

    private static List<String> normalise(String raw, String rest) {
        List<String> out = new ArrayList<>();
        for (String name : splitNames(rest)) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (out.isEmpty()) {
                    throw new WinPathException(raw, "'..' climbs above the root");
                }
                out.remove(out.size() - 1);
                continue;
            }
            checkName(raw, name);
            out.add(name);
        }
        return out;
    }

    private static List<String> splitNames(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\' || text.charAt(i) == '/') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** @param raw the path being parsed, or {@code null} when a single name is appended (the name is reported) */
    private static void checkName(String raw, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20) {
                throw new WinPathException(raw == null ? name : raw,
                        String.format("control character U+%04X in a file name", (int) c));
            }
            if (INVALID_NAME_CHARS.indexOf(c) >= 0 || c == '\\' || c == '/') {
                throw new WinPathException(raw == null ? name : raw, "character '" + c + "' is not allowed in a file name");
            }
        }
    }

    private static boolean isDriveAbsolute(String text) {
        return text.length() >= 3 && isAsciiLetter(text.charAt(0)) && text.charAt(1) == ':'
                && (text.charAt(2) == '\\' || text.charAt(2) == '/');
    }

    private static boolean isSystemRootForm(String text) {
        return startsWithIgnoreCase(text, SYSTEM_ROOT_PREFIX)
                && (text.length() == SYSTEM_ROOT_PREFIX.length() || text.charAt(SYSTEM_ROOT_PREFIX.length()) == '\\');
    }

    private static String environmentVariablePrefix(String text) {
        for (String variable : new String[] {"%SystemRoot%", "%windir%"}) {
            if (startsWithIgnoreCase(text, variable)
                    && (text.length() == variable.length() || text.charAt(variable.length()) == '\\')) {
                return text.substring(0, variable.length());
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String buildDisplay(String root, List<String> names) {
        return names.isEmpty() ? root + "\\" : root + "\\" + String.join("\\", names);
    }

    private static String buildCanonical(String root, List<String> names) {
        return upcase(buildDisplay(root, Collections.unmodifiableList(names)));
    }
}
