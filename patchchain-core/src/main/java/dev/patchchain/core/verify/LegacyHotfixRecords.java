package dev.patchchain.core.verify;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.version.FileVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hotfix records of Windows 2000 to Server 2003 that Qfecheck read: {@code Microsoft\Updates\<product>\<service
 * pack>\<update>} (or {@code <product>\<update>} when no service pack level is there), with {@code Description},
 * {@code InstalledBy}, {@code InstalledDate}, and per-file entries {@code <update>\Filelist\<n>} holding
 * {@code FileName}, {@code Location} (a directory; {@code %SystemRoot%} is expanded) and {@code Version}.
 */
final class LegacyHotfixRecords {

    static final String UPDATES = "Microsoft\\Updates";
    static final String SOURCE = "registry Updates";
    static final String FILELIST = "Filelist";
    private static final Pattern SERVICE_PACK = Pattern.compile("(?i)SP\\d+");
    private static final Pattern SYSTEM_ROOT = Pattern.compile("(?i)%(?:SystemRoot|windir)%");

    private LegacyHotfixRecords() {
    }

    static void read(RegistryView software, PathContext context, List<InstalledUpdate> installed,
                     List<CatalogUpdate> catalog, List<String> warnings) {
        for (String product : software.subkeys(UPDATES)) {
            String productKey = UPDATES + '\\' + product;
            for (String child : software.subkeys(productKey)) {
                String childKey = productKey + '\\' + child;
                if (SERVICE_PACK.matcher(child).matches()) {
                    for (String update : software.subkeys(childKey)) {
                        record(software, context, childKey + '\\' + update, update, installed, catalog, warnings);
                    }
                } else {
                    record(software, context, childKey, child, installed, catalog, warnings);
                }
            }
        }
    }

    private static void record(RegistryView software, PathContext context, String key, String name,
                               List<InstalledUpdate> installed, List<CatalogUpdate> catalog, List<String> warnings) {
        UpdateId id = UpdateId.parse(name);
        installed.add(new InstalledUpdate(id, string(software, key, "Description").orElse(""),
                string(software, key, "InstalledDate"), string(software, key, "InstalledBy"), SOURCE));
        List<ExpectedFile> files = new ArrayList<>();
        String filelist = key + '\\' + FILELIST;
        for (String entry : software.subkeys(filelist)) {
            file(software, context, filelist + '\\' + entry, warnings).ifPresent(files::add);
        }
        if (!files.isEmpty()) {
            catalog.add(new CatalogUpdate(id, string(software, key, "Description").orElse(""), List.of(), files));
        }
    }

    private static Optional<ExpectedFile> file(RegistryView software, PathContext context, String key,
                                               List<String> warnings) {
        Optional<String> fileName = string(software, key, "FileName");
        Optional<String> location = string(software, key, "Location");
        if (fileName.isEmpty() || location.isEmpty()) {
            warnings.add("SOFTWARE\\" + key + ": no FileName or Location, entry skipped");
            return Optional.empty();
        }
        WinPath path;
        try {
            String directory = SYSTEM_ROOT.matcher(location.get())
                    .replaceFirst(Matcher.quoteReplacement(context.systemRoot().toString()));
            path = WinPath.parse(directory).resolve(fileName.get());
        } catch (IllegalArgumentException e) {
            warnings.add("SOFTWARE\\" + key + ": " + location.get() + "\\" + fileName.get()
                    + " is not an absolute path, entry skipped");
            return Optional.empty();
        }
        Optional<FileVersion> version = string(software, key, "Version").flatMap(v -> version(v, key, warnings));
        return Optional.of(new ExpectedFile(path, version, Optional.empty()));
    }

    private static Optional<FileVersion> version(String text, String key, List<String> warnings) {
        try {
            return Optional.of(FileVersion.parse(text.strip().split("[\\s(]")[0].replace(',', '.')));
        } catch (IllegalArgumentException e) {
            warnings.add("SOFTWARE\\" + key + ": Version \"" + text + "\" is not a file version");
            return Optional.empty();
        }
    }

    private static Optional<String> string(RegistryView software, String key, String name) {
        return software.value(key, name).map(RegistryValue::string).filter(s -> !s.isBlank());
    }
}
