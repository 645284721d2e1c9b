package org.careergraph.scoring.input;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ScoringInputRepository extends CrudRepository<ScoringInput, String> {

    /** Locks the inputs so that two events about one occupation are scored one after the other. */
    Optional<ScoringInput> findByOccupationIdForUpdate(String occupationId);

    /**
     * The next batch of rated occupations after {@code after} in id order, locked against events that would score them
     * at the same time.
     */
    @Query("SELECT * FROM scoring_input WHERE facts IS NOT NULL AND occupation_id > :after "
            + "ORDER BY occupation_id LIMIT :limit FOR UPDATE")
    List<ScoringInput> lockBatchAfter(String after, int limit);

    /** The same batch as {@link #lockBatchAfter}, unlocked: for reading what a re-score would do. */
    @Query("SELECT * FROM scoring_input WHERE facts IS NOT NULL AND occupation_id > :after "
            + "ORDER BY occupation_id LIMIT :limit")
    List<ScoringInput> findBatchAfter(String after, int limit);

    @Query("SELECT COUNT(*) FROM scoring_input WHERE facts IS NOT NULL")
    long countRated();
}
