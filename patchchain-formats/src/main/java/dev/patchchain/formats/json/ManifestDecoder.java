package dev.patchchain.formats.json;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.ReplacePolicy;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.plan.WriteMode;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Gives the bound {@link ManifestModel} its meaning: every rule Jackson does not check, with a JSON pointer. */
final class ManifestDecoder {

    static final Map<String, InstallerEngine> ENGINES = Map.of(
            "windows-installer", InstallerEngine.WINDOWS_INSTALLER,
            "component-servicing", InstallerEngine.COMPONENT_SERVICING,
            "update.exe", InstallerEngine.HOTFIX_INSTALLER,
            "naive", InstallerEngine.NAIVE);
    static final Map<String, ReplacePolicy> POLICIES = Map.of(
            "disk-only", ReplacePolicy.DISK_ONLY,
            "disk-and-queue", ReplacePolicy.DISK_AND_QUEUE);
    private static final String ABSENT = "absent";

    private final String source;

    ManifestDecoder(String source) {
        this.source = source;
    }

    PackageManifest decode(ManifestModel.Document doc) throws FormatException {
        if (!PackageManifestFormat.FORMAT.equals(doc.format())) {
            throw error(FormatException.Kind.NOT_THIS_FORMAT, "/format", "expected \"" + PackageManifestFormat.FORMAT + "\"");
        }
        if (doc.version() == null || doc.version() != PackageManifestFormat.VERSION) {
            throw error(FormatException.Kind.UNSUPPORTED, "/version",
                    "expected " + PackageManifestFormat.VERSION + ", found " + doc.version());
        }
        if (doc.id() == null || doc.id().isBlank()) {
            throw error(FormatException.Kind.CORRUPT, "/id", "required: the package's name, e.g. \"KB5034441\"");
        }
        InstallerEngine engine = choose(ENGINES, doc.engine(), "/engine");
        ReplacePolicy policy = doc.replacePolicy() == null ? engine.defaultPolicy()
                : choose(POLICIES, doc.replacePolicy(), "/replacePolicy");
        List<PackageFile> files = new ArrayList<>();
        Map<WinPath, PathState> onDisk = new HashMap<>();
        List<ManifestModel.File> given = bounded(doc.files(), "/files");
        for (int i = 0; i < given.size(); i++) {
            file(given.get(i), "/files/" + i, files, onDisk);
        }
        List<RegistryWrite> writes = new ArrayList<>();
        List<ManifestModel.RegistryValue> values = bounded(doc.registry(), "/registry");
        for (int i = 0; i < values.size(); i++) {
            writes.add(write(values.get(i), "/registry/" + i));
        }
        return new PackageManifest(new UpdatePackage(doc.id(), engine, policy, files, writes), onDisk);
    }

    private void file(ManifestModel.File f, String at, List<PackageFile> files, Map<WinPath, PathState> onDisk)
            throws FormatException {
        if (f == null || f.path() == null || f.version() == null) {
            throw error(FormatException.Kind.CORRUPT, at, "expected an object with \"path\" and \"version\"");
        }
        WinPath path = path(f.path(), at + "/path");
        if (files.stream().anyMatch(p -> p.target().equals(path))) {
            throw error(FormatException.Kind.CORRUPT, at + "/path", "the package lists " + path + " twice");
        }
        files.add(new PackageFile(path, version(f.version(), at + "/version"), f.inUse() == null || f.inUse()));
        if (f.onDisk() != null) {
            onDisk.put(path, ABSENT.equals(f.onDisk()) ? PathState.ABSENT
                    : PathState.file(FileFacts.versioned(-1, version(f.onDisk(), at + "/onDisk"))));
        }
    }

    private RegistryWrite write(ManifestModel.RegistryValue v, String at) throws FormatException {
        if (v == null || v.key() == null || v.value() == null || v.type() == null || v.mode() == null
                || v.data() == null) {
            throw error(FormatException.Kind.CORRUPT, at,
                    "expected an object with \"key\", \"value\", \"type\", \"mode\" and \"data\"");
        }
        if (!v.key().matches("(?i)(HKLM|HKCU|HKU|HKCR|HKEY_[A-Z_]+)(\\\\[^\\\\]+)+")) {
            throw error(FormatException.Kind.CORRUPT, at + "/key",
                    "expected a key below a root, e.g. HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce");
        }
        boolean multi = switch (v.type()) {
            case "REG_MULTI_SZ" -> true;
            case "REG_SZ", "REG_EXPAND_SZ", "REG_DWORD", "REG_QWORD" -> false;
            default -> throw error(FormatException.Kind.UNSUPPORTED, at + "/type",
                    "expected REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, REG_DWORD or REG_QWORD");
        };
        WriteMode mode = switch (v.mode()) {
            case "set" -> WriteMode.SET;
            case "append" -> WriteMode.APPEND;
            default -> throw error(FormatException.Kind.CORRUPT, at + "/mode", "expected \"set\" or \"append\"");
        };
        List<String> data = bounded(v.data(), at + "/data");
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i) == null || data.get(i).indexOf('\0') >= 0) {
                throw error(FormatException.Kind.CORRUPT, at + "/data/" + i, "expected a string without NUL");
            }
        }
        if (v.key().toUpperCase(Locale.ROOT).endsWith("\\SESSION MANAGER")
                && v.value().toUpperCase(Locale.ROOT).startsWith("PENDINGFILERENAMEOPERATIONS")) {
            throw error(FormatException.Kind.UNSUPPORTED, at + "/value",
                    "writing the rename queue as a registry value is not modelled; list the files instead");
        }
        try {
            return new RegistryWrite(v.key(), v.value(), multi, mode, data);
        } catch (IllegalArgumentException bad) {
            throw error(FormatException.Kind.CORRUPT, at, bad.getMessage());
        }
    }

    private <T> T choose(Map<String, T> names, String given, String at) throws FormatException {
        T value = given == null ? null : names.get(given);
        if (value == null) {
            throw error(FormatException.Kind.CORRUPT, at, "expected one of " + names.keySet().stream().sorted().toList()
                    + (given == null ? "" : ", found \"" + given + "\""));
        }
        return value;
    }

    private <T> List<T> bounded(List<T> list, String at) throws FormatException {
        if (list == null) {
            return List.of();
        }
        if (list.size() > PackageManifestFormat.MAX_ITEMS) {
            throw error(FormatException.Kind.UNSUPPORTED, at, "more than " + PackageManifestFormat.MAX_ITEMS + " items");
        }
        return list;
    }

    private FileVersion version(String text, String at) throws FormatException {
        try {
            return FileVersion.parse(text);
        } catch (IllegalArgumentException bad) {
            throw error(FormatException.Kind.CORRUPT, at, bad.getMessage());
        }
    }

    private WinPath path(String text, String at) throws FormatException {
        try {
            return WinPath.parse(text);
        } catch (WinPathException bad) {
            throw error(FormatException.Kind.CORRUPT, at, bad.getMessage());
        }
    }

    private TextFormatException error(FormatException.Kind kind, String pointer, String message) {
        return new TextFormatException(kind, source, 0, 0, "at " + pointer + ": " + message);
    }
}
