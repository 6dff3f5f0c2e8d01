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
 * Seeded random row changes for a transform, mirrored into an {@link ExpectedTable}: updates of existing rows (one
 * to three non-key columns, nulls where the column allows them; rows inserted earlier in the same transform too),
 * inserts under fresh keys, deletes. A deleted key is never used again, so every update finds its row and every
 * insert finds none: the random part does not depend on what a transform does with a missing or existing key (the
 * fixed cases of {@link MsiTransformWineOracleTest} cover that). Strings mix ASCII with code page 1252 letters ({@code é ü ß Æ €}).
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
     * @return how many of each kind
     */
    Map<TableChanges.Kind, Integer> add(TableChanges changes, ExpectedTable expected, int count) {
        TableSchema schema = changes.schema();
        Map<TableChanges.Kind, Integer> kinds = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            List<List<String>> candidates = new ArrayList<>(expected.keys());
            candidates.removeIf(protectedRows::contains);
            int dice = random.nextInt(10);
            TableChanges.Kind kind = candidates.isEmpty() || dice < 3 ? TableChanges.Kind.INSERT
                    : dice < 8 ? TableChanges.Kind.UPDATE : TableChanges.Kind.DELETE;
            int before = changes.rows().size();
            switch (kind) {
                case INSERT -> insert(changes, schema, expected);
                case UPDATE -> update(changes, schema, expected, candidates.get(random.nextInt(candidates.size())));
                default -> {
                    List<String> keys = candidates.get(random.nextInt(candidates.size()));
                    changes.delete(keyMap(schema, keys));
                    used.add(keys);
                }
            }
            expected.apply(changes.rows().get(before));
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }

    private void insert(TableChanges changes, TableSchema schema, ExpectedTable expected) {
        Map<String, Object> row = new LinkedHashMap<>();
        List<String> keys;
        do {
            row.clear();
            keys = new ArrayList<>();
            for (ColumnSpec c : schema.columns()) {
                Object v = c.key() ? freshKey(c) : value(c);
                row.put(c.name(), v);
                if (c.key()) {
                    keys.add(ExpectedTable.text(v));
                }
            }
        } while (expected.contains(keys) || used.contains(keys) || protectedRows.contains(keys));
        used.add(keys);
        changes.insert(row);
    }

    private void update(TableChanges changes, TableSchema schema, ExpectedTable expected, List<String> keys) {
        List<ColumnSpec> updatable = new ArrayList<>();
        for (int i = 1; i < Math.min(schema.columns().size(), MAX_MASK_COLUMN + 1); i++) {
            if (!schema.columns().get(i).key() && !schema.columns().get(i).isBinary()) {
                updatable.add(schema.columns().get(i));
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        int columns = 1 + random.nextInt(Math.min(3, updatable.size()));
        while (set.size() < columns) {
            ColumnSpec c = updatable.get(random.nextInt(updatable.size()));
            set.put(c.name(), value(c));
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
