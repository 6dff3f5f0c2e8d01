package dev.patchchain.formats.regf;

import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.formats.FormatException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's {@link RegistryView} over an open {@link RegfHive}. The view's methods cannot throw checked
 * exceptions: a damaged structure met on the way surfaces as an {@link UncheckedIOException} whose cause is the
 * hive's {@link FormatException} (the CLI maps it like the checked one).
 *
 * <pre>{@code
 * try (RegfHive software = RegfHive.open(Path.of("SOFTWARE"), RegfOptions.STRICT)) {
 *     RebootSignals.evaluate(..., new RegfRegistryView(software), ...);
 * }
 * }</pre>
 */
public final class RegfRegistryView implements RegistryView {

    private final RegfHive hive;

    /** @param hive the hive to read; it stays open as long as the view is used */
    public RegfRegistryView(RegfHive hive) {
        this.hive = hive;
    }

    @Override
    public boolean keyExists(String path) {
        return key(path).isPresent();
    }

    @Override
    public List<String> subkeys(String path) {
        Optional<RegfKey> key = key(path);
        if (key.isEmpty()) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            for (RegfKey k : key.get().subkeys()) {
                names.add(k.name());
            }
            return names;
        } catch (FormatException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<RegistryValue> value(String path, String name) {
        Optional<RegfKey> key = key(path);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return key.get().value(name).map(v -> new RegistryValue(v.type(), v.data()));
        } catch (FormatException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Instant> lastWritten(String path) {
        return key(path).map(RegfKey::lastWritten);
    }

    private Optional<RegfKey> key(String path) {
        try {
            return hive.key(path);
        } catch (FormatException e) {
            throw new UncheckedIOException(e);
        }
    }
}
