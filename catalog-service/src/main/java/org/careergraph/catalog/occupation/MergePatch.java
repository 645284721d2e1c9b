package org.careergraph.catalog.occupation;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): objects merge key by key, null removes a key, anything else replaces. */
final class MergePatch {

    private MergePatch() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = target == null ? new LinkedHashMap<>() : new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                result.remove(entry.getKey());
            } else if (value instanceof Map<?, ?> nested) {
                Object existing = result.get(entry.getKey());
                result.put(entry.getKey(), apply(existing instanceof Map<?, ?> m ? (Map<String, Object>) m : null,
                        (Map<String, Object>) nested));
            } else {
                result.put(entry.getKey(), value);
            }
        }
        return result;
    }
}
