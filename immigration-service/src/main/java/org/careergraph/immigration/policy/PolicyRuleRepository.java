package org.careergraph.immigration.policy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PolicyRuleRepository extends CrudRepository<PolicyRule, Long> {

    List<PolicyRule> findByPolicyUpdateIdOrderByChangeIndex(String policyUpdateId);

    List<PolicyRule> findByPolicyUpdateIdIn(Collection<String> policyUpdateIds);

    /**
     * The rules in force (their update applied) for one occupation code. A locking read: it sees every committed rule
     * even when the transaction's snapshot is older, which recomputing a status needs.
     */
    @Query("""
            SELECT r.* FROM policy_rule r JOIN policy_update u ON u.id = r.policy_update_id
            WHERE r.country = :country AND r.kind = :kind AND r.code_system = :codeSystem AND r.code = :code
              AND u.applied_at IS NOT NULL
            FOR UPDATE""")
    List<PolicyRule> findInForceForUpdate(String country, String kind, String codeSystem, String code);

    /** The rules in force, and those announced for a date after {@code today}, for one occupation code. */
    @Query("""
            SELECT r.* FROM policy_rule r JOIN policy_update u ON u.id = r.policy_update_id
            WHERE r.country = :country AND r.kind = :kind AND r.code_system = :codeSystem AND r.code = :code
              AND (u.applied_at IS NOT NULL OR r.effective_from > :today)""")
    List<PolicyRule> findInForceOrAnnounced(String country, String kind, String codeSystem, String code,
                                            LocalDate today);
}
