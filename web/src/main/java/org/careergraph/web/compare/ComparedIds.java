package org.careergraph.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The occupations a comparison shows, as its address names them: occupation ids such as {@code soc-15-2051},
 * {@code soc-15-2051.01} or {@code anzsco-261111}, in a repeated parameter ({@code ids=a&ids=b}, as a form sends
 * ticked boxes) or separated by commas ({@code ids=a,b}, as a link writes them).
 */
public final class ComparedIds {

    public static final int MIN = 2;
    public static final int MAX = 4;
    /** The shape of an occupation id in each code system the catalog knows. */
    private static final Pattern ID = Pattern.compile(
            "(anzsco|nol|osca)-\\d{6}|soc-\\d{2}-\\d{4}(\\.\\d{2})?|isco-\\d{4}");

    private ComparedIds() {
    }

    /** Every id given, in order and each once; empty when any is no occupation id (nothing is asked of a service). */
    public static Optional<List<String>> parse(List<String> values) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String id = part.strip().toLowerCase(Locale.ROOT);
                if (id.isEmpty()) {
                    continue;
                }
                if (!ID.matcher(id).matches()) {
                    return Optional.empty();
                }
                ids.add(id);
            }
        }
        return Optional.of(new ArrayList<>(ids));
    }

    /** The ids as one parameter value, as links write them. */
    public static String join(List<String> ids) {
        return String.join(",", ids);
    }
}
