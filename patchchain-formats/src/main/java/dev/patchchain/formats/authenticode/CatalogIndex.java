package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.pe.PeLayout;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Member hashes of a set of catalogs, to look files up by their Authenticode hash as Windows does for files signed
 * in a catalog rather than inline. Built from a CatRoot directory such as
 * {@code Windows\System32\CatRoot\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}} or from catalogs already read.
 *
 * <pre>{@code
 * CatalogIndex index = CatalogIndex.load(catRoot);
 * index.find(Path.of("/mnt/win/Windows/System32/tiworker.exe"));   // [CatalogMember[catalog=ntexe.cat, ...]]
 * }</pre>
 *
 * <p>Hashes are compared as lower-case hex; file names ({@code *.cat}, {@code *.CAT}) case-insensitively. A file is
 * hashed with each algorithm the catalogs use (SHA-1, SHA-256), and only with those.
 */
public final class CatalogIndex {

    private static final Map<Integer, String> ALGORITHM_BY_HEX_LENGTH = Map.of(40, "SHA-1", 64, "SHA-256");

    private final List<Catalog> catalogs;
    private final Map<String, List<CatalogMember>> byHash = new HashMap<>();
    private final Map<String, String> problems;
    private final TreeSet<String> algorithms = new TreeSet<>();

    private CatalogIndex(List<Catalog> catalogs, Map<String, String> problems) {
        this.catalogs = List.copyOf(catalogs);
        this.problems = Map.copyOf(problems);
        for (Catalog catalog : catalogs) {
            for (CatalogMember member : catalog.members()) {
                for (String hash : member.hashes()) {
                    byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(member);
                    String algorithm = ALGORITHM_BY_HEX_LENGTH.get(hash.length());
                    if (algorithm != null) {
                        algorithms.add(algorithm);
                    }
                }
            }
        }
    }

    /**
     * @param catalogs catalogs already read
     * @return their index
     */
    public static CatalogIndex of(Collection<Catalog> catalogs) {
        return new CatalogIndex(List.copyOf(catalogs), Map.of());
    }

    /**
     * @param directory a directory of {@code .cat} files (not recursive)
     * @return the index of every catalog that reads; the others are in {@link #problems()}
     * @throws IOException if the directory cannot be listed
     */
    public static CatalogIndex load(Path directory) throws IOException {
        List<Catalog> read = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cat")
                        || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    read.add(Catalog.read(file));
                } catch (IOException e) {
                    problems.put(file.getFileName().toString(), e.getMessage());
                }
            }
        }
        return new CatalogIndex(read, problems);
    }

    /**
     * @param hash an Authenticode hash in hex, any case
     * @return the members listing it, in catalog order
     */
    public List<CatalogMember> find(String hash) {
        return List.copyOf(byHash.getOrDefault(hash.toLowerCase(Locale.ROOT), List.of()));
    }

    /**
     * @param file a PE file
     * @return the members listing its Authenticode hash (under any algorithm the catalogs use)
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a PE, else an I/O error
     */
    public List<CatalogMember> find(Path file) throws IOException {
        List<CatalogMember> found = new ArrayList<>();
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            PeLayout layout = PeLayout.read(channel, file.toString());
            for (String algorithm : algorithms) {
                found.addAll(find(HexFormat.of().formatHex(AuthenticodeHash.compute(channel, layout, algorithm))));
            }
        }
        return found;
    }

    /** @return the catalogs indexed */
    public List<Catalog> catalogs() {
        return catalogs;
    }

    /** @return catalog files that could not be read, by file name, with the reason */
    public Map<String, String> problems() {
        return problems;
    }

    /** @return how many distinct hashes are indexed */
    public int size() {
        return byHash.size();
    }
}
