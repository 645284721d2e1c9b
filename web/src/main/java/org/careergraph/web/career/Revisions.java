package org.careergraph.web.career;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.careergraph.web.view.PageContext;

/**
 * The catalog's revisions as a reader follows them: each change under the name of its page section, the place in
 * the section, and the value before and after in words rather than JSON.
 */
final class Revisions {

    private static final int LONGEST_VALUE = 400;

    private Revisions() {
    }

    static List<Map<String, Object>> readable(List<?> revisions, PageContext page) {
        List<Map<String, Object>> readable = new ArrayList<>();
        for (Object item : revisions) {
            if (!(item instanceof Map<?, ?> revision)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("revision", revision.get("revision"));
            entry.put("kind", revision.get("kind"));
            entry.put("changedBy", revision.get("changedBy"));
            entry.put("changedAt", revision.get("changedAt"));
            List<Map<String, String>> changes = new ArrayList<>();
            if (revision.get("changes") instanceof List<?> list) {
                for (Object change : list) {
                    if (change instanceof Map<?, ?> c) {
                        changes.add(change(String.valueOf(c.get("path")), c.get("before"), c.get("after"), page));
                    }
                }
            }
            entry.put("changes", changes);
            readable.add(entry);
        }
        return readable;
    }

    /** {@code /salaryBands/1/max} reads as section "Salary", place "#2 › max". */
    private static Map<String, String> change(String path, Object before, Object after, PageContext page) {
        List<String> segments = new ArrayList<>(List.of(path.replaceFirst("^/", "").split("/")));
        String section = segments.isEmpty() ? "" : segments.removeFirst();
        if (section.equals("page") && !segments.isEmpty()) {
            section = segments.removeFirst();
        }
        StringJoiner place = new StringJoiner(" › ");
        for (String segment : segments) {
            place.add(segment.matches("\\d+") ? "#" + (Integer.parseInt(segment) + 1) : segment);
        }
        Map<String, String> change = new LinkedHashMap<>();
        change.put("section", page.getT().get("section." + section).startsWith("section.")
                ? section : page.getT().get("section." + section));
        change.put("place", place.toString());
        change.put("before", value(before, page));
        change.put("after", value(after, page));
        return change;
    }

    /** A value in words: a bilingual text in the reader's language, lists and records as "name: value" lines. */
    static String value(Object value, PageContext page) {
        String text = words(value, page);
        if (text.length() <= LONGEST_VALUE) {
            return text;
        }
        // Never between the two halves of a character outside the BMP (some Chinese ones are).
        int end = Character.isHighSurrogate(text.charAt(LONGEST_VALUE - 1)) ? LONGEST_VALUE - 1 : LONGEST_VALUE;
        return text.substring(0, end) + " …";
    }

    private static String words(Object value, PageContext page) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty() && Set.of("en", "zh").containsAll(map.keySet())) {
                return page.text(map);
            }
            StringJoiner fields = new StringJoiner("; ");
            map.forEach((name, field) -> fields.add(name + ": " + words(field, page)));
            return fields.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(" | ");
            list.forEach(item -> items.add(words(item, page)));
            return list.isEmpty() ? "—" : items.toString();
        }
        return value.toString();
    }
}
