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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careergraph.catalog.release.ParsedRelease.ReleaseFile;

/**
 * The audit trail of release imports: who asked for which releases and files, when, how far the import got and what
 * it did. Each write is its own transaction, so the trail survives an import that fails and rolls back.
 */
@Singleton
class ImportLog {

    private static final Argument<List<String>> NAMES = Argument.listOf(String.class);
    private static final Argument<List<ReleaseFile>> FILES = Argument.listOf(ReleaseFile.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ImportLog(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public enum Status { QUEUED, RUNNING, APPLIED, FAILED }

    /** What an import did: occupations created, changed and left as they were, and the findings on them. */
    @Serdeable
    public record Outcome(int created, int updated, int unchanged, int findings, String message) {
    }

    /** One import as the trail keeps it. */
    @Serdeable
    public record Entry(String id, List<String> releases, Status status, List<ReleaseFile> files, String requestedBy,
                        Instant requestedAt, @Nullable Instant finishedAt, int total, int done,
                        @Nullable Outcome outcome) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void queued(String id, List<ParsedRelease> releases, String by, Instant at) {
        List<ReleaseFile> files = releases.stream().flatMap(r -> r.files().stream()).toList();
        jdbc.prepareStatement("""
                INSERT INTO release_import (id, series, status, files, requested_by, requested_at, total, done)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0)""", statement -> {
            statement.setString(1, id);
            statement.setString(2, write(releases.stream().map(ParsedRelease::name).toList()));
            statement.setString(3, Status.QUEUED.name());
            statement.setString(4, write(files));
            statement.setString(5, by);
            statement.setTimestamp(6, Timestamp.from(at));
            return statement.executeUpdate();
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void progress(String id, Status status, int total, int done) {
        jdbc.prepareStatement("UPDATE release_import SET status = ?, total = ?, done = ? WHERE id = ?", statement -> {
            statement.setString(1, status.name());
            statement.setInt(2, total);
            statement.setInt(3, done);
            statement.setString(4, id);
            return statement.executeUpdate();
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void finished(String id, Status status, int total, int done, Outcome outcome, Instant at) {
        jdbc.prepareStatement("""
                UPDATE release_import SET status = ?, total = ?, done = ?, outcome = ?, finished_at = ?
                WHERE id = ?""", statement -> {
            statement.setString(1, status.name());
            statement.setInt(2, total);
            statement.setInt(3, done);
            statement.setString(4, write(outcome));
            statement.setTimestamp(5, Timestamp.from(at));
            statement.setString(6, id);
            return statement.executeUpdate();
        });
    }

    @Transactional(readOnly = true)
    public Optional<Entry> find(String id) {
        List<Entry> found = query("WHERE id = ?", id, 1);
        return found.stream().findFirst();
    }

    /** The latest imports first. */
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return query("", null, limit);
    }

    private List<Entry> query(String where, @Nullable String id, int limit) {
        return jdbc.prepareStatement("""
                SELECT id, series, status, files, requested_by, requested_at, finished_at, total, done, outcome
                FROM release_import %s ORDER BY requested_at DESC LIMIT ?""".formatted(where), statement -> {
            int i = 0;
            if (id != null) {
                statement.setString(++i, id);
            }
            statement.setInt(++i, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp finished = rows.getTimestamp(7);
                    String outcome = rows.getString(10);
                    entries.add(new Entry(rows.getString(1), read(rows.getString(2), NAMES),
                            Status.valueOf(rows.getString(3)), read(rows.getString(4), FILES), rows.getString(5),
                            rows.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant(),
                            rows.getInt(8), rows.getInt(9),
                            outcome == null ? null : read(outcome, Argument.of(Outcome.class))));
                }
            }
            return entries;
        });
    }

    private <T> T read(String text, Argument<T> type) throws SQLException {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new SQLException("unreadable import log entry: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
