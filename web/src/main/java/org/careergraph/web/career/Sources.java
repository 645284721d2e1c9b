package org.careergraph.web.career;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careergraph.web.view.PageContext;

/**
 * Where each section of a career page came from, in the reader's words (a publisher's release, the page's text, an
 * editor, our own translation), from the occupation's {@code provenance.fields}; and the attribution lines the
 * publishers ask for wherever their data appears, from {@code GET /api/releases}. The templates ask it by field
 * path ({@code /official/wages}), as the catalog names them.
 */
public final class Sources {

    /** The order attribution lines are listed in: the occupation's own classification first, our translation last. */
    static final List<String> SERIES_ORDER = List.of("ONET", "ANZSCO", "OEWS", "PROJECTIONS", "CROSSWALK",
            "LLM_EXPOSURE", "AI_APPLICABILITY", "ZH_TITLES");

    private final Map<?, ?> fields;
    private final List<Map<?, ?>> releases;
    private final PageContext page;

    /**
     * @param occupation the occupation as {@code GET /api/occupations/{id}} answers it
     * @param releases   the releases as {@code GET /api/releases} answers them (every one held, in force or not)
     */
    public Sources(Map<?, ?> occupation, List<?> releases, PageContext page) {
        this.fields = page.at(occupation, "provenance.fields") instanceof Map<?, ?> map ? map : Map.of();
        this.releases = maps(releases);
        this.page = page;
    }

    /** Where one field came from, in words; a field without a source was set by an editor before sources were kept. */
    public String label(String field) {
        return describe(fields.get(field));
    }

    /**
     * Where a section's fields came from: each different source once, joined; a section none of whose fields has a
     * source was set by an editor before sources were kept.
     */
    public String labels(Collection<String> sectionFields) {
        Set<String> labels = new LinkedHashSet<>();
        for (String field : sectionFields) {
            if (fields.get(field) != null) {
                labels.add(describe(fields.get(field)));
            }
        }
        return labels.isEmpty() ? describe(null) : String.join(" · ", labels);
    }

    /** Whether the field's text is our editorial translation (the Chinese titles of official occupations). */
    public boolean isTranslation(String field) {
        return fields.get(field) instanceof Map<?, ?> source && "EDITORIAL_TRANSLATION".equals(source.get("kind"));
    }

    /**
     * The attribution line of a series whose data a field shows: the one of the release that set the field, else of
     * the release of that series in force; null when the catalog holds none.
     */
    @Nullable
    public String attribution(String field) {
        return fields.get(field) instanceof Map<?, ?> source && source.get("series") != null
                ? attributionOf(source.get("series").toString(), source.get("release")) : null;
    }

    /**
     * The attribution lines of every series whose data the page shows (a field with a value whose source is a
     * release or our translation), each once, in {@link #SERIES_ORDER}.
     */
    public List<String> attributions(Map<?, ?> occupation) {
        List<Map<?, ?>> shown = new ArrayList<>();
        fields.forEach((field, source) -> {
            if (source instanceof Map<?, ?> s && s.get("series") != null && hasValue(occupation, field.toString())) {
                shown.add(s);
            }
        });
        shown.sort(Comparator.comparingInt(s -> order(s.get("series"))));
        Set<String> lines = new LinkedHashSet<>();
        for (Map<?, ?> source : shown) {
            String line = attributionOf(source.get("series").toString(), source.get("release"));
            if (line != null) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    /** The sources of a page that shows figures of many occupations: the releases held, no occupation's own. */
    public static Sources ofReleases(List<?> releases, PageContext page) {
        return new Sources(Map.of(), releases, page);
    }

    /** The release of a series in force, in words ("Source: BLS OEWS May 2024 (2024-05-01)"); null when none is. */
    @Nullable
    public String inForceLabel(String series) {
        return releases.stream().filter(r -> series.equals(r.get("series")) && Boolean.TRUE.equals(r.get("inForce")))
                .findFirst().map(r -> describe(Map.of("kind", "RELEASE", "series", series,
                        "release", text(r.get("release")), "releasedOn", text(r.get("releasedOn")))))
                .orElse(null);
    }

    /** The attribution lines of the releases in force of these series, in {@link #SERIES_ORDER}. */
    public List<String> attributionsInForce(Collection<String> series) {
        return inForce(releases.stream().filter(r -> series.contains(String.valueOf(r.get("series")))).toList());
    }

    /** Every attribution line of the releases in force (the catalog page shows data of all of them). */
    public static List<String> inForce(List<?> releases) {
        return maps(releases).stream()
                .filter(r -> Boolean.TRUE.equals(r.get("inForce")) && r.get("attribution") != null)
                .sorted(Comparator.comparingInt(r -> order(r.get("series"))))
                .map(r -> r.get("attribution").toString()).distinct().toList();
    }

    /**
     * Whether the occupation has something to show at a provenance field path ({@code /skillLevel} is beside the
     * page, the rest in it): not null, blank, nor made only of empty lists and objects (an AI impact with no entry).
     */
    public static boolean hasValue(Map<?, ?> occupation, String field) {
        Object value = field.equals("/skillLevel") ? occupation : occupation.get("page");
        for (String step : field.substring(1).split("/")) {
            if (!(value instanceof Map<?, ?> map)) {
                return false;
            }
            value = map.get(step);
        }
        return given(value);
    }

    private static boolean given(@Nullable Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(Sources::given);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Sources::given);
        }
        return value != null && !value.toString().isBlank();
    }

    private String describe(@Nullable Object source) {
        if (!(source instanceof Map<?, ?> s)) {
            return page.getT().get("provenance.unknown");
        }
        String kind = String.valueOf(s.get("kind"));
        return switch (kind) {
            case "RELEASE" -> fill(page.getT().get("provenance.release"), seriesTitle(s.get("series")),
                    text(s.get("release")), text(s.get("releasedOn"))).strip();
            case "PAGE_IMPORT" -> s.get("at") == null ? page.getT().get("provenance.pageImport")
                    : fill(page.getT().get("provenance.pageImportOn"), day(s.get("at")));
            case "EDITORIAL" -> fill(page.getT().get("provenance.editorial"),
                    s.get("by") == null ? page.getT().get("provenance.anEditor") : s.get("by").toString(),
                    day(s.get("at")));
            case "EDITORIAL_TRANSLATION" -> fill(page.getT().get("provenance.translation"), text(s.get("release")));
            default -> page.getT().get("provenance.unknown");
        };
    }

    @Nullable
    private String attributionOf(String series, @Nullable Object release) {
        Map<?, ?> inForce = null;
        for (Map<?, ?> held : releases) {
            if (series.equals(held.get("series"))) {
                if (release != null && release.equals(held.get("release"))) {
                    return text(held.get("attribution"));
                }
                if (Boolean.TRUE.equals(held.get("inForce"))) {
                    inForce = held;
                }
            }
        }
        return inForce == null ? null : text(inForce.get("attribution"));
    }

    /** The series as its publisher names it ("BLS OEWS"); its code when the catalog holds no release of it. */
    private String seriesTitle(@Nullable Object series) {
        return releases.stream().filter(r -> Objects.equals(series, r.get("series")) && r.get("title") != null)
                .map(r -> r.get("title").toString()).findFirst().orElse(text(series));
    }

    private static int order(@Nullable Object series) {
        int index = SERIES_ORDER.indexOf(String.valueOf(series));
        return index < 0 ? SERIES_ORDER.size() : index;
    }

    /** The day of an instant (UTC), or the value as it is. */
    private static String day(@Nullable Object at) {
        if (at == null) {
            return "";
        }
        try {
            return Instant.parse(at.toString()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return at.toString();
        }
    }

    private static String fill(String pattern, String... values) {
        String filled = pattern;
        for (int i = 0; i < values.length; i++) {
            filled = filled.replace("{" + i + "}", values[i]);
        }
        return filled;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<Map<?, ?>> maps(List<?> list) {
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(m -> (Map<?, ?>) m).toList();
    }
}
