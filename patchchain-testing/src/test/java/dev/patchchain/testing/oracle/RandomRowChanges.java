package dev.patchchain.testing.oracle;

import dev.patchchain.testing.msi.ColumnSpec;
import dev.patchchain.testing.msi.TableChanges;
import dev.patchchain.testing.msi.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random row changes for a transform, mirrored into an {@link ExpectedTable}: updates (one to three non-key
 * columns, nulls where the column allows them), inserts and deletes, of existing rows (those inserted earlier in the
 * same transform too) and of keys no row has: an insert of existing keys replaces the row, an update of missing ones
 * inserts a row unless a column that may not be null stays null, a delete of missing ones does nothing, as Wine
 * does. Strings mix ASCII with code page 1252 letters
 * ({@code é ü ß Æ €}).
 */
final class RandomRowChanges {

    private static final String ALPHABET = "abcdefXYZ0129_. éüßÆ€";
    private static final int MAX_STRING = 12;
    private static final int MAX_MASK_COLUMN = 15;

    private final Random random;
    /** Rows the random changes leave alone. */
    private final Set<List<String>> protectedRows = new HashSet<>();
    /** Every key ever inserted or deleted, so an insert's key is fresh. */
    private final Set<List<String>> used = new HashSet<>();
    private int counter;

    RandomRowChanges(Random random) {
        this.random = random;
    }

    /** Keeps a row out of the random changes, so that a fixed case's effect stays visible. */
    void protect(List<String> keys) {
        protectedRows.add(List.copyOf(keys));
    }

    /**
     * Adds {@code count} random changes to {@code changes} and applies them to {@code expected}.
     *
     * @return how many of each kind: {@code insert}, {@code update}, {@code delete} of fresh or existing keys as
     *         usual, {@code insert-existing} (replaces the row), {@code update-missing} (inserts one),
     *         {@code delete-missing} (nothing)
     */
    Map<String, Integer> add(TableChanges changes, ExpectedTable expected, int count) {
        TableSchema schema = changes.schema();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            List<List<String>> candidates = new ArrayList<>(expected.keys());
            candidates.removeIf(protectedRows::contains);
            int dice = random.nextInt(20);
            String kind = candidates.isEmpty() ? (dice < 14 ? "insert" : dice < 17 ? "update-missing" : "delete-missing")
                    : dice < 6 ? "insert" : dice < 12 ? "update" : dice < 15 ? "delete" : dice < 17 ? "insert-existing"
                    : dice < 19 ? "update-missing" : "delete-missing";
            int before = changes.rows().size();
            switch (kind) {
                case "insert" -> changes.insert(row(schema, freshKeys(schema, expected)));
                case "insert-existing" -> changes.insert(row(schema, pick(candidates)));
                case "update" -> update(changes, schema, pick(candidates), false);
                case "update-missing" -> update(changes, schema, freshKeys(schema, expected), random.nextBoolean());
                case "delete" -> changes.delete(keyMap(schema, pick(candidates)));
                default -> changes.delete(keyMap(schema, freshKeys(schema, expected)));
            }
            expected.apply(changes.rows().get(before));
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }

    private List<String> pick(List<List<String>> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** @return key values no row has, had, or will be protected under */
    private List<String> freshKeys(TableSchema schema, ExpectedTable expected) {
        List<String> keys;
        do {
            keys = new ArrayList<>();
            for (ColumnSpec c : schema.columns()) {
                if (c.key()) {
                    keys.add(ExpectedTable.text(freshKey(c)));
                }
            }
        } while (expected.contains(keys) || used.contains(keys) || protectedRows.contains(keys));
        used.add(keys);
        return keys;
    }

    /**
     * @return a whole row: these keys, random values in the other columns; one time in eight a null in a column that
     *         may not be null (Wine refuses such a new row, and replaces an existing one with it all the same)
     */
    private Map<String, Object> row(TableSchema schema, List<String> keys) {
        Map<String, Object> row = new LinkedHashMap<>(keyMap(schema, keys));
        List<String> required = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            if (!c.key()) {
                row.put(c.name(), value(c));
                if (!c.nullable()) {
                    required.add(c.name());
                }
            }
        }
        if (!required.isEmpty() && random.nextInt(8) == 0) {
            row.put(required.get(random.nextInt(required.size())), null);
        }
        return row;
    }

    /**
     * @param complete give every column that may not be null a value (an update of missing keys that does not is
     *                 dropped by Wine)
     */
    private void update(TableChanges changes, TableSchema schema, List<String> keys, boolean complete) {
        List<ColumnSpec> updatable = new ArrayList<>();
        for (int i = 1; i < Math.min(schema.columns().size(), MAX_MASK_COLUMN + 1); i++) {
            if (!schema.columns().get(i).key() && !schema.columns().get(i).isBinary()) {
                updatable.add(schema.columns().get(i));
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        if (complete) {
            for (ColumnSpec c : updatable) {
                if (!c.nullable()) {
                    set.put(c.name(), nonNull(c));
                }
            }
        }
        int columns = set.size() + 1 + random.nextInt(Math.min(3, updatable.size()));
        while (set.size() < Math.min(columns, updatable.size())) {
            ColumnSpec c = updatable.get(random.nextInt(updatable.size()));
            set.putIfAbsent(c.name(), value(c));
        }
        changes.update(keyMap(schema, keys), set);
    }

    private static Map<String, Object> keyMap(TableSchema schema, List<String> keys) {
        Map<String, Object> map = new LinkedHashMap<>();
        int k = 0;
        for (ColumnSpec c : schema.columns()) {
            if (c.key()) {
                String text = keys.get(k++);
                map.put(c.name(), c.isInteger() ? (Object) Integer.valueOf(text) : text);
            }
        }
        return map;
    }

    private Object freshKey(ColumnSpec c) {
        counter++;
        if (c.isInteger()) {
            return 100 + counter * 7 + random.nextInt(7);
        }
        return "k" + counter + string(4);
    }

    private Object value(ColumnSpec c) {
        if (c.nullable() && random.nextInt(5) == 0) {
            return null;
        }
        return nonNull(c);
    }

    private Object nonNull(ColumnSpec c) {
        if (c.isInteger()) {
            int bound = c.size() == 2 ? Short.MAX_VALUE : Integer.MAX_VALUE;
            int v = random.nextInt(bound);
            return random.nextBoolean() ? v : -v;
        }
        return string(1 + random.nextInt(MAX_STRING));
    }

    private String string(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String t = s.toString().strip();
        return t.isEmpty() ? "x" : t;
    }
}
