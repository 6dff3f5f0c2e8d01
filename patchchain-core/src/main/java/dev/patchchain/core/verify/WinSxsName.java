package dev.patchchain.core.verify;

import dev.patchchain.core.version.FileVersion;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a component directory of the component store, {@code Windows\WinSxS\<name>}:
 * {@code <arch>_<name>_<publicKeyToken>_<version>_<culture>_<hash>}, lower-case (docs/verify.md, "Component
 * store"). The fields are split on {@code _} from both ends, so a name that itself holds {@code _} still parses;
 * long names are abbreviated by Windows with {@code ..} in the middle ({@link ComponentIdentity#matches}).
 *
 * <pre>{@code
 * WinSxsName n = WinSxsName.parse("amd64_microsoft-windows-ntdll_31bf3856ad364e35_10.0.19041.1_none_9f1c...");
 * n.version();   // 10.0.19041.1
 * n.family();    // "amd64_microsoft-windows-ntdll_31bf3856ad364e35_none"
 * }</pre>
 *
 * @param arch    the processor architecture, e.g. {@code amd64}, {@code x86}, {@code wow64}, {@code msil}
 * @param name    the component name, possibly abbreviated with {@code ..}
 * @param token   the public key token, 16 hex digits, or {@code none}
 * @param version the component version
 * @param culture the culture, e.g. {@code none} or {@code en-us}
 * @param hash    the hash Windows appends, hex digits
 */
public record WinSxsName(String arch, String name, String token, FileVersion version, String culture, String hash) {

    /** Longer names are not component directories (NTFS allows 255 UTF-16 units). */
    public static final int MAX_LENGTH = 255;

    private static final Pattern ARCH = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16}|none");
    private static final Pattern VERSION = Pattern.compile("\\d{1,5}\\.\\d{1,5}\\.\\d{1,5}\\.\\d{1,5}");
    private static final Pattern CULTURE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{1,32}");

    /** Checks every field against the grammar. */
    public WinSxsName {
        check(ARCH, arch, "architecture");
        check(NAME, name, "name");
        check(TOKEN, token, "public key token");
        Objects.requireNonNull(version, "version");
        check(CULTURE, culture, "culture");
        check(HASH, hash, "hash");
    }

    /**
     * @param directory a directory name inside {@code WinSxS}, any case
     * @return its fields
     * @throws IllegalArgumentException if the name does not follow the grammar, with the reason
     */
    public static WinSxsName parse(String directory) {
        if (directory.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("WinSxS name of " + directory.length() + " characters is over "
                    + MAX_LENGTH);
        }
        String lower = directory.toLowerCase(Locale.ROOT);
        String[] parts = lower.split("_", -1);
        if (parts.length < 6) {
            throw new IllegalArgumentException("WinSxS name \"" + directory + "\" has " + parts.length
                    + " '_'-separated fields, expected arch_name_token_version_culture_hash");
        }
        int n = parts.length;
        String name = String.join("_", Arrays.copyOfRange(parts, 1, n - 4));
        String version = parts[n - 3];
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("WinSxS name \"" + directory + "\": version \"" + version
                    + "\" is not four numbers");
        }
        FileVersion parsed;
        try {
            parsed = FileVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WinSxS name \"" + directory + "\": " + e.getMessage(), e);
        }
        return new WinSxsName(parts[0], name, parts[n - 4], parsed, parts[n - 2], parts[n - 1]);
    }

    /** @return the fields that stay when the version changes: {@code arch_name_token_culture} */
    public String family() {
        return arch + '_' + name + '_' + token + '_' + culture;
    }

    /** @return the directory name, {@code arch_name_token_version_culture_hash} */
    @Override
    public String toString() {
        return arch + '_' + name + '_' + token + '_' + version + '_' + culture + '_' + hash;
    }

    private static void check(Pattern pattern, String value, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("WinSxS " + what + " \"" + value + "\" does not match " + pattern);
        }
    }
}
