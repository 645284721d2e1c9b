package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.careergraph.events.FieldChange;

/**
 * Field-level differences between two versions of an occupation document (a JSON tree of maps, lists and values):
 * objects are compared field by field ("/title/en"), lists and values as a whole ("/salaryBands"). Numbers compare
 * by value, so 48000 and 48000.00 are the same pay.
 */
final class PageDiff {

    private PageDiff() {
    }

    /** Against null (a new occupation): one change per top-level field that has a value. */
    static List<FieldChange> between(@Nullable Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        if (before == null) {
            new TreeSet<>(after.keySet()).forEach(key -> changes.add(new FieldChange("/" + key, null, after.get(key))));
        } else {
            compare("", before, after, changes);
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, @Nullable Object before, @Nullable Object after,
                                List<FieldChange> changes) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            TreeSet<String> keys = new TreeSet<>();
            b.keySet().forEach(k -> keys.add((String) k));
            a.keySet().forEach(k -> keys.add((String) k));
            for (String key : keys) {
                compare(path + "/" + key, b.get(key), a.get(key), changes);
            }
        } else if (before == null && after instanceof Map<?, ?> a) {
            compare(path, Map.of(), a, changes);
        } else if (!same(before, after)) {
            changes.add(new FieldChange(path, before, after));
        }
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b == null) {
            return x.isEmpty();
        }
        if (b instanceof List<?> y && a == null) {
            return y.isEmpty();
        }
        return Objects.equals(a, b);
    }
}
