package org.careergraph.catalog.release;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A release read and checked, ready to store: its series, its name ("May 2024"), the date that orders it within its
 * series, the files it came in, and one record per code.
 */
public record ParsedRelease(Series series, String label, LocalDate releasedOn, List<ReleaseFile> files,
                            Map<String, Object> records) {

    /** A file as received: its name, size, SHA-256 and data rows. */
    @Serdeable
    public record ReleaseFile(String name, long bytes, String sha256, int rows) {
    }

    public String name() {
        return series.title() + " " + label;
    }
}
