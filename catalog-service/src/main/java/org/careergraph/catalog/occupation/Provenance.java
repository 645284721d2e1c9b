package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.careergraph.platform.web.OneLine;

/**
 * Where each value of an occupation came from, by field: {@code /title/en}, {@code /title/zh}, each section of the
 * page ({@code /salaryBands}, {@code /aiImpact}), each section of the official record ({@code /official/wages}) and
 * {@code /skillLevel}. A field with a value but no entry was written before sources were kept, by an editor.
 */
@Serdeable
public record Provenance(Map<String, Source> fields) {

    public static final Provenance NONE = new Provenance(Map.of());

    public Provenance {
        fields = fields == null ? Map.of() : Map.copyOf(new TreeMap<>(fields));
    }

    public @Nullable Source of(String key) {
        return fields.get(key);
    }

    /** The same, with these fields now from {@code source}. */
    Provenance with(Collection<String> keys, Source source) {
        if (keys.isEmpty()) {
            return this;
        }
        Map<String, Source> next = new LinkedHashMap<>(fields);
        keys.forEach(key -> next.put(key, source));
        return new Provenance(next);
    }

    /** The same, with these fields from these sources; a field whose source is null has none any more. */
    Provenance with(Map<String, Source> changed) {
        Map<String, Source> next = new LinkedHashMap<>(fields);
        changed.forEach((field, source) -> {
            if (source == null) {
                next.remove(field);
            } else {
                next.put(field, source);
            }
        });
        return new Provenance(next);
    }

    /**
     * The field a change path belongs to: titles and the official record's sections one level down, everything else
     * at the top ({@code /aiImpact/tools} is {@code /aiImpact}).
     */
    public static String fieldOf(String path) {
        String[] segments = path.split("/", 4);
        if (segments.length > 2 && (segments[1].equals("title") || segments[1].equals("official"))) {
            return "/" + segments[1] + "/" + segments[2];
        }
        return segments.length > 1 ? "/" + segments[1] : path;
    }

    /**
     * Who or what set a value, and when: an edit or a page import by whom and at what time; a release (or a version
     * of our translations) by its series, name and date.
     */
    @Serdeable
    @OneLine
    public record Source(Kind kind, @Nullable String series, @Nullable String release,
                         @Nullable LocalDate releasedOn, @Nullable String by, @Nullable Instant at) {

        public static Source of(Kind kind, String by, Instant at) {
            return new Source(kind, null, null, null, by, at);
        }

        /** A newer release of the same series (or the same one again) may replace what this one set. */
        boolean yieldsTo(Source incoming) {
            if (series == null || !series.equals(incoming.series) || kind != incoming.kind) {
                return false;
            }
            return kind == Kind.EDITORIAL_TRANSLATION || kind == Kind.RELEASE && releasedOn != null
                    && incoming.releasedOn != null && !incoming.releasedOn.isBefore(releasedOn);
        }

        /** What a source must name: a release its series, name and date; an edit or page import who and when. */
        public boolean isComplete() {
            return kind != null && (kind == Kind.RELEASE || kind == Kind.EDITORIAL_TRANSLATION
                    ? series != null && release != null && releasedOn != null : by != null && at != null);
        }
    }

    /**
     * RELEASE: a publisher's release (series, release, date); PAGE_IMPORT: a career page imported from its text;
     * EDITORIAL: an editor's edit; EDITORIAL_TRANSLATION: our translation of an official text (Traditional Chinese
     * titles), not the publisher's.
     */
    public enum Kind { RELEASE, PAGE_IMPORT, EDITORIAL, EDITORIAL_TRANSLATION }
}
