package dev.patchchain.core.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A {@link RegistryView} over maps, for tests: keys are created with their parents, names compare case-insensitively. */
public final class MapRegistry implements RegistryView {

    private final Map<String, Map<String, RegistryValue>> keys = new LinkedHashMap<>();
    private final Map<String, Instant> written = new LinkedHashMap<>();

    private static String norm(String path) {
        return path.toUpperCase(Locale.ROOT);
    }

    /** @return this, with the key and its parents */
    public MapRegistry key(String path) {
        String[] parts = path.split("\\\\");
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!sb.isEmpty()) {
                sb.append('\\');
            }
            sb.append(part);
            keys.computeIfAbsent(sb.toString(), k -> new LinkedHashMap<>());
        }
        return this;
    }

    /** @return this, with the value set */
    public MapRegistry value(String path, String name, RegistryValue value) {
        key(path);
        keys.entrySet().stream().filter(e -> norm(e.getKey()).equals(norm(path))).findFirst().orElseThrow()
                .getValue().put(name.toUpperCase(Locale.ROOT), value);
        return this;
    }

    /** @return this, with a REG_DWORD */
    public MapRegistry dword(String path, String name, long value) {
        return value(path, name, new RegistryValue(RegistryValue.REG_DWORD,
                new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)}));
    }

    /** @return this, with a REG_SZ */
    public MapRegistry string(String path, String name, String value) {
        return value(path, name, new RegistryValue(RegistryValue.REG_SZ,
                (value + "\0").getBytes(StandardCharsets.UTF_16LE)));
    }

    /** @return this, with a REG_MULTI_SZ */
    public MapRegistry multiSz(String path, String name, String... strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) {
            sb.append(s).append('\0');
        }
        sb.append('\0');
        return value(path, name, new RegistryValue(RegistryValue.REG_MULTI_SZ,
                sb.toString().getBytes(StandardCharsets.UTF_16LE)));
    }

    /** @return this, with the key's last-write time */
    public MapRegistry written(String path, Instant when) {
        key(path);
        written.put(norm(path), when);
        return this;
    }

    private Optional<Map<String, RegistryValue>> find(String path) {
        return keys.entrySet().stream().filter(e -> norm(e.getKey()).equals(norm(path))).map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public boolean keyExists(String path) {
        return find(path).isPresent();
    }

    @Override
    public List<String> subkeys(String path) {
        String prefix = norm(path) + '\\';
        List<String> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (norm(k).startsWith(prefix) && k.indexOf('\\', prefix.length()) < 0) {
                out.add(k.substring(prefix.length()));
            }
        }
        return out;
    }

    @Override
    public Optional<RegistryValue> value(String path, String name) {
        return find(path).map(m -> m.get(name.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<Instant> lastWritten(String path) {
        return find(path).map(m -> written.getOrDefault(norm(path), Instant.EPOCH));
    }
}
