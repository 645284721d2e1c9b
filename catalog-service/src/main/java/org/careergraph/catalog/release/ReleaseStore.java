package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.careergraph.catalog.release.ParsedRelease.ReleaseFile;

/**
 * The releases the catalog holds: each one's files and records by code. In a series, the release in force is the one
 * with the latest date; an older one may be kept but is never applied over it.
 */
@Singleton
class ReleaseStore {

    private static final Argument<List<ReleaseFile>> FILES = Argument.listOf(ReleaseFile.class);
    private static final int BATCH = 500;

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ReleaseStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored release, without its records. */
    @Serdeable
    record StoredRelease(String id, Series series, String label, LocalDate releasedOn, List<ReleaseFile> files,
                         int records, String importedBy, Instant importedAt) {

        String name() {
            return series.title() + " " + label;
        }
    }

    /** The release in force in each series that has one. */
    @Transactional(readOnly = true)
    public Map<Series, StoredRelease> inForce() {
        return inForce(all());
    }

    /** Of these releases, the latest of each series. */
    static Map<Series, StoredRelease> inForce(List<StoredRelease> releases) {
        Map<Series, StoredRelease> inForce = new EnumMap<>(Series.class);
        for (StoredRelease release : releases) {
            StoredRelease held = inForce.get(release.series());
            if (held == null || release.releasedOn().isAfter(held.releasedOn())) {
                inForce.put(release.series(), release);
            }
        }
        return inForce;
    }

    /** Every release held, newest first within each series. */
    @Transactional(readOnly = true)
    public List<StoredRelease> all() {
        return jdbc.prepareStatement("""
                SELECT id, series, label, released_on, files, records, imported_by, imported_at
                FROM data_release ORDER BY series, released_on DESC""", statement -> {
            List<StoredRelease> releases = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Optional<Series> series = Series.parse(rows.getString(2));
                    if (series.isPresent()) {
                        releases.add(new StoredRelease(rows.getString(1), series.get(), rows.getString(3),
                                rows.getDate(4).toLocalDate(), read(rows.getString(5), FILES), rows.getInt(6),
                                rows.getString(7), rows.getTimestamp(8).toInstant()));
                    }
                }
            }
            return releases;
        });
    }

    /** Stores a release, replacing the one of the same series and name (a corrected file of the same release). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public StoredRelease store(ParsedRelease release, String by, Instant at) {
        jdbc.prepareStatement("DELETE FROM data_release WHERE series = ? AND label = ?", statement -> {
            statement.setString(1, release.series().name());
            statement.setString(2, release.label());
            return statement.executeUpdate();
        });
        String id = UUID.randomUUID().toString();
        jdbc.prepareStatement("""
                INSERT INTO data_release (id, series, label, released_on, files, records, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setString(1, id);
            statement.setString(2, release.series().name());
            statement.setString(3, release.label());
            statement.setDate(4, Date.valueOf(release.releasedOn()));
            statement.setString(5, write(release.files()));
            statement.setInt(6, release.records().size());
            statement.setString(7, by);
            statement.setTimestamp(8, Timestamp.from(at));
            return statement.executeUpdate();
        });
        List<Map.Entry<String, Object>> records = new ArrayList<>(release.records().entrySet());
        for (int from = 0; from < records.size(); from += BATCH) {
            List<Map.Entry<String, Object>> batch = records.subList(from, Math.min(records.size(), from + BATCH));
            jdbc.prepareStatement("INSERT INTO release_record (release_id, record_key, payload) VALUES (?, ?, ?)",
                    statement -> {
                        for (Map.Entry<String, Object> record : batch) {
                            statement.setString(1, id);
                            statement.setString(2, record.getKey());
                            statement.setString(3, write(record.getValue()));
                            statement.addBatch();
                        }
                        return statement.executeBatch();
                    });
        }
        return new StoredRelease(id, release.series(), release.label(), release.releasedOn(), release.files(),
                release.records().size(), by, at);
    }

    /** A release's records by code, as the series' record type. */
    @Transactional(readOnly = true)
    public <T> Map<String, T> records(StoredRelease release, Class<T> type) {
        return jdbc.prepareStatement("SELECT record_key, payload FROM release_record WHERE release_id = ?",
                statement -> {
                    statement.setString(1, release.id());
                    Map<String, T> records = new LinkedHashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            records.put(rows.getString(1), read(rows.getString(2), Argument.of(type)));
                        }
                    }
                    return records;
                });
    }

    /** The codes a release holds, without reading their records. */
    @Transactional(readOnly = true)
    public List<String> keys(StoredRelease release) {
        return jdbc.prepareStatement("SELECT record_key FROM release_record WHERE release_id = ?", statement -> {
            statement.setString(1, release.id());
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        });
    }

    private <T> T read(String text, Argument<T> type) throws SQLException {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new SQLException("unreadable release data: " + e.getMessage(), e);
        }
    }

    private String write(@Nullable Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
