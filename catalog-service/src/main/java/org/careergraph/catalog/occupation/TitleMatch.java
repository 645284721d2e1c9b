package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a page's title names the occupation a classification gives for its code: "Medical social worker /
 * Healthcare Social Workers" names "Healthcare Social Workers"; "IT Project Coordinator" does not name "Archivist".
 * Words are compared without case, plurals and small words; at least half of the official title's words, or all of
 * one of its alternate titles' words, must be in the page's title.
 */
public final class TitleMatch {

    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "of", "the", "a", "an", "all", "other",
            "except", "in", "for", "to", "nec", "n", "e", "c");

    private TitleMatch() {
    }

    public static boolean names(@Nullable String pageTitle, String officialTitle, Collection<String> alternateTitles) {
        if (pageTitle == null || pageTitle.isBlank()) {
            return true;
        }
        Set<String> page = words(pageTitle);
        Set<String> official = words(officialTitle);
        long shared = official.stream().filter(page::contains).count();
        if (!official.isEmpty() && shared * 2 >= official.size()) {
            return true;
        }
        return alternateTitles.stream().map(TitleMatch::words)
                .anyMatch(alternate -> !alternate.isEmpty() && page.containsAll(alternate));
    }

    static Set<String> words(String title) {
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
                .map(TitleMatch::singular)
                .collect(Collectors.toSet());
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
