package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OccupationRepository extends CrudRepository<Occupation, String> {

    Page<Occupation> findAll(Pageable pageable);

    Page<Occupation> findByUpdatedAtGreaterThanEquals(Instant since, Pageable pageable);

    /** Which occupations changed since then, and to which revision, without their pages. */
    List<OccupationVersion> queryByUpdatedAtGreaterThanEquals(Instant since);

    List<Occupation> findByIdIn(Collection<String> ids);

    /** The versions a read would answer from, in one round trip. */
    @Query("SELECT o.revision, o.updated_at, s.updated_at AS signal_updated_at FROM occupation o"
            + " LEFT JOIN occupation_signal s ON s.occupation_id = o.id WHERE o.id = :id")
    Optional<ServedVersion> findServedVersion(String id);

    /** Sources and findings only: no value changed, so no revision. */
    void update(@Id String id, Provenance provenance, @Nullable Finding.Findings findings, Instant updatedAt);

    List<String> findIdByCodeSystem(String codeSystem);

    List<Occupation> findByFindingsIsNotNullOrderById();

    /** Locks the row for the rest of the transaction, so that concurrent replacements are serialized. */
    Optional<Occupation> findByIdForUpdate(String id);
}
