package org.careergraph.scoring.score;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The scores' moves. Micronaut Data reads them; a batch's moves are inserted here in one batched statement (one
 * multi-row INSERT with the datasource's {@code rewriteBatchedStatements}). Micronaut Data inserts rows whose ids the
 * database generates one at a time on MySQL, a round trip a row: that was half the round trips of a re-score that
 * moves every score (RescoreBenchIT counts them: 1,009 a batch of 500, 510 since).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
abstract class ScoreHistoryRepository implements GenericRepository<ScoreHistory, Long> {

    private static final String INSERT = "INSERT INTO score_history (occupation_id, overall, dimensions, model_version,"
            + " reason, cause_event_id, cause_event_type, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ScoreHistoryRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public abstract List<ScoreHistory> findByOccupationId(String occupationId, Pageable pageable);

    /** Inserts the moves (their ids are the database's to give) in the caller's transaction. */
    void insertAll(List<ScoreHistory> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT, statement -> {
            for (ScoreHistory move : moves) {
                statement.setString(1, move.occupationId());
                statement.setBigDecimal(2, move.overall());
                statement.setString(3, toJson(move.dimensions()));
                statement.setString(4, move.modelVersion());
                statement.setString(5, move.reason());
                statement.setString(6, move.causeEventId());
                statement.setString(7, move.causeEventType());
                statement.setTimestamp(8, Timestamp.from(move.changedAt()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
