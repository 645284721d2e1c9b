package org.careergraph.immigration.rules;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PolicyRuleRepository extends CrudRepository<PolicyRule, Long> {

    List<PolicyRule> findByPolicyUpdateIdOrderByChangeIndex(String policyUpdateId);

    List<PolicyRule> findByPolicyUpdateIdIn(Collection<String> policyUpdateIds);

    /**
     * The country's rules in force (their update applied). A locking read: it sees every committed rule even when the
     * transaction's snapshot is older, which recomputing statuses needs.
     */
    @Query("""
            SELECT r.* FROM policy_rule r JOIN policy_update u ON u.id = r.policy_update_id
            WHERE r.country = :country AND u.applied_at IS NOT NULL
            FOR UPDATE""")
    List<PolicyRule> findAppliedForUpdate(String country);

    /** The country's rules in force and those announced (recorded, neither applied nor withdrawn yet). */
    @Query("""
            SELECT r.* FROM policy_rule r JOIN policy_update u ON u.id = r.policy_update_id
            WHERE r.country = :country AND u.withdrawn_at IS NULL""")
    List<PolicyRule> findAppliedOrAnnounced(String country);
}
