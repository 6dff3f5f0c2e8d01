package dev.patchchain.core.verify;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The component store as one more catalog source: for every package of {@code Windows\servicing\Packages} that the
 * registry's CBS {@code Packages\<name>\CurrentState} says is installed, the files of the components it installs
 * (nested packages followed), expected with the SHA-256 of the <em>newest</em> version of each component in
 * {@code WinSxS}. The destinations come from a plain manifest; a {@code DCM}-compressed one falls back to the
 * same-named file in System32 (SysWOW64 for 32-bit components on a 64-bit image), the rest is
 * {@link VerifyStatus#UNVERIFIABLE} with the reason. docs/verify.md, "Component servicing", has the rules.
 *
 * <pre>{@code
 * RegistryUpdates servicing = ServicingCatalog.read(store, software, volume, boot.after(), digest, context);
 * Verifier.verify(inventory.merge(servicing.inventory()), catalog.merge(servicing.catalog()), volume, boot, digest);
 * }</pre>
 */
public final class ServicingCatalog {

    /** The inventory source of packages read from the image's servicing directory. */
    public static final String SOURCE = "servicing";

    /** How deep {@code <package>} references are followed. */
    static final int MAX_DEPTH = 8;

    private final ServicingStore store;
    private final VolumeState now;
    private final VolumeState after;
    private final ContentDigest digest;
    private final PathContext context;
    private final WinPath winsxs;
    private final boolean image64;
    private final Map<String, List<WinSxsName>> families = new LinkedHashMap<>();
    private final List<List<WinSxsName>> abbreviated = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** {@code family@version} of every component an installed package names. */
    private final Set<String> installedVersions = new HashSet<>();

    private ServicingCatalog(ServicingStore store, VolumeState now, VolumeState after, ContentDigest digest,
                             PathContext context) {
        this.store = store;
        this.now = now;
        this.after = after;
        this.digest = digest;
        this.context = context;
        this.winsxs = context.systemRoot().resolve("WinSxS");
        this.image64 = now.stat(context.systemRoot().resolve("SysWOW64")) instanceof PathState.Directory;
        for (WinSxsName dir : store.directories()) {
            families.computeIfAbsent(dir.family(), k -> new ArrayList<>()).add(dir);
        }
        families.values().forEach(l -> l.sort(Comparator.comparing(WinSxsName::version)));
        families.values().stream().filter(l -> l.get(0).name().contains("..")).forEach(abbreviated::add);
    }

    /**
     * @param store    the image's packages and component directories
     * @param software the SOFTWARE hive, whose CBS {@code Packages} give each package's state (none: nothing installed)
     * @param now      the volume now
     * @param after    the volume after the simulated boot (a file only the queue brings is found there)
     * @param digest   hashes of files on {@code now}
     * @param context  the image's Windows directory
     * @return the installed packages' updates (source {@value #SOURCE}) and their expected files
     */
    public static RegistryUpdates read(ServicingStore store, Optional<RegistryView> software, VolumeState now,
                                       VolumeState after, ContentDigest digest, PathContext context) {
        return new ServicingCatalog(store, now, after, digest, context).read(software);
    }

    private RegistryUpdates read(Optional<RegistryView> software) {
        warnings.addAll(store.warnings());
        Map<String, CbsPackageState> states = software.map(s -> CbsPackages.states(s, warnings)).orElse(Map.of());
        Map<String, ServicingPackage> byName = new LinkedHashMap<>();
        store.packages().forEach(p -> byName.putIfAbsent(p.fileName().toLowerCase(Locale.ROOT), p));
        Map<UpdateId, InstalledUpdate> installed = new LinkedHashMap<>();
        Map<UpdateId, CbsPackageState> best = new LinkedHashMap<>();
        Map<UpdateId, List<ComponentIdentity>> components = new LinkedHashMap<>();
        for (ServicingPackage p : store.packages()) {
            CbsPackageState state = states.get(p.fileName().toLowerCase(Locale.ROOT));
            if (p.kb().isEmpty() || state == null || !state.countsAsInstalled()) {
                continue;
            }
            UpdateId id = UpdateId.parse(p.kb());
            if (best.containsKey(id) && best.get(id).code() >= state.code()) {
                components.get(id).addAll(closure(p, byName));
                continue;
            }
            best.put(id, state);
            installed.put(id, new InstalledUpdate(id, "package " + p.fileName() + ": " + state.label()
                    + (p.releaseType().isEmpty() ? "" : ", " + p.releaseType()), Optional.empty(), Optional.empty(),
                    SOURCE));
            components.computeIfAbsent(id, k -> new ArrayList<>()).addAll(closure(p, byName));
        }
        components.values().forEach(list -> list.forEach(c -> installedVersions.add(familyKey(c) + "@" + c.version())));
        Map<UpdateId, List<UpdateId>> supersedes = supersedes(best, components);
        List<CatalogUpdate> updates = new ArrayList<>();
        components.forEach((id, list) -> {
            List<ExpectedFile> files = new ArrayList<>();
            list.stream().distinct().forEach(c -> files.addAll(expect(c)));
            updates.add(new CatalogUpdate(id, installed.get(id).description(), supersedes.getOrDefault(id, List.of()),
                    files.stream().distinct().toList()));
        });
        return new RegistryUpdates(HotfixInventory.of(Optional.empty(), List.copyOf(installed.values()), warnings),
                new UpdateCatalog(updates));
    }

    /** The components of a package and of the packages it pulls in, depth-limited, each package once. */
    private List<ComponentIdentity> closure(ServicingPackage root, Map<String, ServicingPackage> byName) {
        List<ComponentIdentity> all = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<Map.Entry<ServicingPackage, Integer>> work = new ArrayDeque<>();
        work.add(Map.entry(root, 0));
        visited.add(root.fileName().toLowerCase(Locale.ROOT));
        while (!work.isEmpty()) {
            var next = work.removeFirst();
            all.addAll(next.getKey().components());
            for (String ref : next.getKey().packages()) {
                ServicingPackage child = byName.get(ref.toLowerCase(Locale.ROOT));
                if (child == null) {
                    warnings.add("servicing package " + next.getKey().fileName() + " pulls in " + ref
                            + ", which has no .mum in Windows\\servicing\\Packages");
                } else if (next.getValue() >= MAX_DEPTH) {
                    warnings.add("servicing package " + root.fileName() + ": packages nested deeper than " + MAX_DEPTH
                            + " not followed (" + ref + ")");
                } else if (visited.add(ref.toLowerCase(Locale.ROOT))) {
                    work.addLast(Map.entry(child, next.getValue() + 1));
                }
            }
        }
        return all;
    }

    /**
     * A superseded (0x50) KB is superseded by the installed, not superseded KBs that install a newer version of one
     * of its components: CBS says that it is superseded, the components say by what. Indexed by component group, so
     * cumulative updates with thousands of components stay linear.
     *
     * @return per superseding KB, the KBs it supersedes
     */
    private static Map<UpdateId, List<UpdateId>> supersedes(Map<UpdateId, CbsPackageState> best,
                                                            Map<UpdateId, List<ComponentIdentity>> components) {
        Map<String, List<Map.Entry<UpdateId, ComponentIdentity>>> live = new HashMap<>();
        best.forEach((id, state) -> {
            if (state != CbsPackageState.SUPERSEDED) {
                components.get(id).forEach(c -> live.computeIfAbsent(group(c), k -> new ArrayList<>()).add(Map.entry(id, c)));
            }
        });
        Map<UpdateId, List<UpdateId>> supersedes = new LinkedHashMap<>();
        best.forEach((old, state) -> {
            if (state != CbsPackageState.SUPERSEDED) {
                return;
            }
            for (ComponentIdentity c : components.get(old)) {
                for (Map.Entry<UpdateId, ComponentIdentity> newer : live.getOrDefault(group(c), List.of())) {
                    if (newer.getValue().version().compareTo(c.version()) > 0) {
                        List<UpdateId> replaced = supersedes.computeIfAbsent(newer.getKey(), k -> new ArrayList<>());
                        if (!replaced.contains(old)) {
                            replaced.add(old);
                        }
                    }
                }
            }
        });
        return supersedes;
    }

    private static String group(ComponentIdentity c) {
        return (c.name() + "_" + c.arch() + "_" + c.token() + "_" + c.culture()).toLowerCase(Locale.ROOT);
    }

    /** The expected files of one component; a name that cannot be a Windows path skips it with a warning. */
    private List<ExpectedFile> expect(ComponentIdentity component) {
        try {
            return expectFiles(component);
        } catch (IllegalArgumentException e) {
            warnings.add("component " + component + " skipped: " + e.getMessage());
            return List.of();
        }
    }

    /** The expected files of one component: those of its newest directory in the store. */
    private List<ExpectedFile> expectFiles(ComponentIdentity component) {
        List<WinSxsName> versions = family(component);
        String identity = component.toString();
        Optional<WinSxsName> newest = versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1));
        if (newest.isEmpty() || newest.get().version().isOlderThan(component.version())) {
            String dir = component.arch().toLowerCase(Locale.ROOT) + "_" + component.name().toLowerCase(Locale.ROOT)
                    + "_" + (component.token().isEmpty() ? "none" : component.token().toLowerCase(Locale.ROOT))
                    + "_" + component.version() + "_" + component.culture();
            String found = versions.isEmpty() ? "no version of it" : "only " + versions.stream()
                    .map(v -> v.version().toString()).toList();
            return List.of(fixed(storePath(dir), identity, dir + "_*", VerifyStatus.MISSING,
                    "the package installs this component, the store has " + found));
        }
        // The reference is the newest version an installed package names: a newer directory may be staged, or left
        // by an uninstalled package; on Windows 7 an update brings its GDR and its LDR build side by side and a
        // machine uses one branch. Versions an installed package names are never "older" (which branch is
        // projected is not decided here: a file equal to one of them is unverifiable, not regressed).
        List<WinSxsName> installed = versions.stream().filter(this::installed).toList();
        WinSxsName dir = installed.isEmpty() ? newest.get() : installed.get(installed.size() - 1);
        List<WinSxsName> older = versions.stream()
                .filter(v -> v.version().isOlderThan(dir.version()) && !installed(v)).toList();
        boolean own = versions.stream().anyMatch(component::matches);
        String note = (own ? "" : "its own version's directory is gone, ")
                + "newest of " + versions.size() + " version(s) in the store that an installed package names: "
                + dir.version();
        StoreManifest manifest = store.manifests().manifest(dir);
        List<ExpectedFile> files = new ArrayList<>();
        if (manifest instanceof StoreManifest.Plain plain) {
            for (StoreManifest.ManifestFile f : plain.files()) {
                String name = f.name().substring(f.name().lastIndexOf('\\') + 1);
                if (name.isEmpty() || !safe(dir, f.name())) {
                    continue;
                }
                Optional<WinPath> destination = RuntimePaths.resolve(f.destinationPath(),
                        RuntimePaths.redirected(dir.arch(), image64), context);
                if (destination.isEmpty()) {
                    files.add(fixed(storePath(dir.toString(), name), identity, dir.toString(), VerifyStatus.UNVERIFIABLE,
                            "destinationPath \"" + f.destinationPath() + "\" uses a variable we do not map"
                                    + " (or none); where the file goes is unknown"));
                } else {
                    files.add(byHash(target(destination.get(), f.name()), dir, older, name, identity, note));
                }
            }
            return files;
        }
        String why = manifest instanceof StoreManifest.Unreadable u ? "manifest unreadable (" + u.reason() + ")"
                : "manifest is DCM-compressed (not expandable off Windows)";
        for (String name : now.list(storePath(dir.toString()))) {
            if (!safe(dir, name)) {
                continue;
            }
            WinPath stored = storePath(dir.toString(), name);
            if (!(now.stat(stored) instanceof PathState.File)) {
                continue;
            }
            Optional<WinPath> projected = projected(dir.arch()).map(p -> p.resolve(name));
            if (projected.isPresent() && (now.stat(projected.get()) instanceof PathState.File
                    || after.stat(projected.get()) instanceof PathState.File)) {
                files.add(byHash(projected.get(), dir, older, name, identity,
                        note + "; " + why + ", compared with the same-named file in " + projected.get().parent()));
            } else {
                files.add(fixed(stored, identity, dir.toString(), VerifyStatus.UNVERIFIABLE, why + "; " + name
                        + (projected.isPresent() ? " is not in " + projected.get().parent() : " has no projected directory"
                        + " for architecture " + dir.arch()) + ", its destination is only in the manifest"));
            }
        }
        return files;
    }

    /** The newest component's file at {@code path}, with its store copy's hash and the older versions' hashes. */
    private ExpectedFile byHash(WinPath path, WinSxsName dir, List<WinSxsName> older, String name, String identity,
                                String note) {
        WinPath stored = storePath(dir.toString(), name);
        Optional<String> sha256 = digest.sha256(stored);
        if (sha256.isEmpty()) {
            return fixed(path, identity, dir.toString(), VerifyStatus.UNVERIFIABLE,
                    "the store's copy WinSxS\\" + dir + "\\" + name + " is absent or unreadable; " + note);
        }
        long size = now.stat(stored) instanceof PathState.File f ? f.facts().size() : -1;
        List<String> olderSha = older.stream().map(o -> digest.sha256(storePath(o.toString(), name)))
                .flatMap(Optional::stream).filter(h -> !h.equals(sha256.get())).distinct().toList();
        return new ExpectedFile(path, Optional.empty(), sha256, Optional.of(new ComponentSource(identity, dir.toString(),
                olderSha, Optional.empty(), note + "; expected " + size + " bytes, SHA-256 " + sha256.get()
                + (olderSha.isEmpty() ? "" : "; " + olderSha.size() + " older version(s) of it known"))));
    }

    private ExpectedFile fixed(WinPath path, String identity, String dir, VerifyStatus status, String note) {
        return new ExpectedFile(path, Optional.empty(), Optional.empty(),
                Optional.of(new ComponentSource(identity, dir, List.of(), Optional.of(status), note)));
    }

    /** Where a DCM fallback looks for a component's files: System32, or SysWOW64 for a 32-bit one on a 64-bit image. */
    private Optional<WinPath> projected(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        boolean native64 = image64 && (a.equals("amd64") || a.equals("arm64"));
        boolean native32 = !image64 && a.equals("x86");
        if (native64 || native32) {
            return Optional.of(context.systemRoot().resolve("System32"));
        }
        return RuntimePaths.redirected(a, image64) ? Optional.of(context.systemRoot().resolve("SysWOW64"))
                : Optional.empty();
    }

    private boolean installed(WinSxsName dir) {
        return installedVersions.contains(dir.family() + "@" + dir.version());
    }

    private static String familyKey(ComponentIdentity component) {
        String token = component.token().isEmpty() ? "none" : component.token().toLowerCase(Locale.ROOT);
        return component.arch().toLowerCase(Locale.ROOT) + "_" + component.name().toLowerCase(Locale.ROOT) + "_"
                + token + "_" + component.culture();
    }

    private List<WinSxsName> family(ComponentIdentity component) {
        String key = familyKey(component);
        List<WinSxsName> exact = families.get(key);
        if (exact != null) {
            return exact;
        }
        return abbreviated.stream().filter(l -> component.sameFamily(l.get(0))).findFirst().orElse(List.of());
    }

    /** A file name from a manifest or a directory listing must be a plain Windows name (each part); else a warning. */
    private boolean safe(WinSxsName dir, String name) {
        try {
            target(winsxs, name);
            return true;
        } catch (IllegalArgumentException e) {
            warnings.add("WinSxS\\" + dir + ": file \"" + name + "\" skipped: " + e.getMessage());
            return false;
        }
    }

    /** The destination directory with the file's name, which may carry a subdirectory ({@code en-US\x.mui}). */
    private static WinPath target(WinPath directory, String name) {
        WinPath path = directory;
        for (String part : name.split("\\\\")) {
            if (!part.isEmpty()) {
                path = path.resolve(part);
            }
        }
        return path;
    }

    private WinPath storePath(String dir, String... more) {
        WinPath path = winsxs.resolve(dir);
        for (String m : more) {
            path = path.resolve(m);
        }
        return path;
    }
}
