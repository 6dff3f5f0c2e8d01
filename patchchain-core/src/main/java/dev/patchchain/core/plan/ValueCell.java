package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry value: its strings (absent when not set), what the boots so far have run of it (for a
 * {@code RunOnce} value; sorted, as the order of separate boots is not compared), and the value each appending
 * installer has read and will write back.
 *
 * @param display        the value as a person reads it
 * @param consumedAtBoot true for a {@code RunOnce} value
 * @param value          the strings now
 * @param ran            what earlier boots ran, sorted
 * @param reads          per package index, the strings it read
 */
record ValueCell(String display, boolean consumedAtBoot, Optional<List<String>> value, List<String> ran,
                 Map<Integer, List<String>> reads) implements Cell {

    /**
     * @param write   a value a package writes
     * @param current its strings now, empty when absent (or not read)
     * @return the value before any package runs
     */
    static ValueCell of(RegistryWrite write, Optional<List<String>> current) {
        return new ValueCell(write.display(), write.consumedAtBoot(), current, List.of(), Map.of());
    }

    @Override
    public String subject() {
        return display;
    }

    ValueCell read(int pkg) {
        Map<Integer, List<String>> r = new HashMap<>(reads);
        r.put(pkg, value.orElse(List.of()));
        return new ValueCell(display, consumedAtBoot, value, ran, Map.copyOf(r));
    }

    ValueCell write(int pkg, RegistryWrite write) {
        Map<Integer, List<String>> r = new HashMap<>(reads);
        List<String> base = r.remove(pkg);
        List<String> now = new ArrayList<>();
        if (write.mode() == WriteMode.APPEND) {
            now.addAll(base == null ? List.of() : base);
        }
        now.addAll(write.data());
        return new ValueCell(display, consumedAtBoot, Optional.of(List.copyOf(now)), ran, Map.copyOf(r));
    }

    @Override
    public Cell boot(boolean chain, BootRules rules) {
        if (!consumedAtBoot || value.isEmpty()) {
            return new ValueCell(display, consumedAtBoot, value, ran, Map.of());
        }
        List<String> all = new ArrayList<>(ran);
        all.addAll(value.get());
        all.sort(null);
        return new ValueCell(display, consumedAtBoot, Optional.empty(), List.copyOf(all), Map.of());
    }

    @Override
    public String differenceFrom(Cell expected) {
        ValueCell e = (ValueCell) expected;
        if (consumedAtBoot) {
            List<String> lost = new ArrayList<>(e.ran);
            ran.forEach(lost::remove);
            return "after the reboot " + display + " has run " + ran + "; the reference runs " + e.ran
                    + (lost.isEmpty() ? "" : ": " + String.join(", ", lost) + " never runs");
        }
        return "after the reboot " + display + " is " + show(value) + "; the reference is " + show(e.value);
    }

    static String show(Optional<List<String>> value) {
        return value.map(List::toString).orElse("not set");
    }
}
