package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * The least degree an occupation requires, read from the names of the qualifications its page marks as required (in
 * English or Chinese) and its ANZSCO skill level (level 1 is a bachelor's or higher). US routes turn on it: H-1B wants
 * a bachelor's, EB-2 an advanced degree.
 */
enum DegreeLevel {
    NONE, BACHELOR, MASTERS, DOCTORATE;

    private static final List<String> DOCTORATE_WORDS = List.of("doctorate", "doctoral", "phd", "ph.d", "博士");
    private static final List<String> MASTERS_WORDS = List.of("master", "msw", "mba", "碩士");
    private static final List<String> BACHELOR_WORDS = List.of("bachelor", "學士", "undergraduate degree");

    static DegreeLevel required(List<String> requiredQualifications, @Nullable Integer skillLevel) {
        DegreeLevel level = skillLevel != null && skillLevel == 1 ? BACHELOR : NONE;
        for (String name : requiredQualifications) {
            DegreeLevel named = of(name);
            if (named.compareTo(level) > 0) {
                level = named;
            }
        }
        return level;
    }

    /**
     * The degree BLS's typical entry education names ("Bachelor's degree", "Master's degree", "Doctoral or
     * professional degree"); none for the others (associate's, postsecondary awards, high school, none).
     */
    static DegreeLevel ofEntryEducation(String education) {
        String text = education.toLowerCase(Locale.ROOT);
        if (text.startsWith("doctoral")) {
            return DOCTORATE;
        }
        if (text.startsWith("master")) {
            return MASTERS;
        }
        return text.startsWith("bachelor") ? BACHELOR : NONE;
    }

    /** The required qualification that names the degree, for the explanation; null when none does. */
    static @Nullable String evidence(List<String> requiredQualifications, DegreeLevel level) {
        return requiredQualifications.stream().filter(name -> of(name) == level).findFirst().orElse(null);
    }

    boolean atLeast(DegreeLevel other) {
        return compareTo(other) >= 0;
    }

    private static DegreeLevel of(String name) {
        String text = name.toLowerCase(Locale.ROOT);
        if (DOCTORATE_WORDS.stream().anyMatch(text::contains)) {
            return DOCTORATE;
        }
        if (MASTERS_WORDS.stream().anyMatch(text::contains)) {
            return MASTERS;
        }
        return BACHELOR_WORDS.stream().anyMatch(text::contains) ? BACHELOR : NONE;
    }

    String en() {
        return switch (this) {
            case NONE -> "no degree";
            case BACHELOR -> "a bachelor's degree";
            case MASTERS -> "a master's degree";
            case DOCTORATE -> "a doctorate";
        };
    }

    String zh() {
        return switch (this) {
            case NONE -> "無學位要求";
            case BACHELOR -> "學士學位";
            case MASTERS -> "碩士學位";
            case DOCTORATE -> "博士學位";
        };
    }
}
