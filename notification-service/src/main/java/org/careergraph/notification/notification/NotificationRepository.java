package org.careergraph.notification.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface NotificationRepository extends CrudRepository<Notification, String> {

    Page<Notification> findBySubscriptionId(String subscriptionId, Pageable pageable);

    /**
     * Only a pending notification still at the attempt count it was claimed with changes: a late result (another
     * instance re-claimed it after the lease ended and recorded first) never overrides a newer one.
     */
    @Query("""
            UPDATE notification SET status = 'DELIVERED', attempts = :attempts, last_attempt_at = :at,
                delivered_at = :at, last_error = NULL
            WHERE id = :id AND status = 'PENDING' AND attempts = :attempts - 1""")
    void markDelivered(String id, int attempts, Instant at);

    /** {@code status} is PENDING for another attempt at {@code nextAttemptAt}, or FAILED. */
    @Query("""
            UPDATE notification SET status = :status, attempts = :attempts, last_attempt_at = :at,
                next_attempt_at = :nextAttemptAt, last_error = :error
            WHERE id = :id AND status = 'PENDING' AND attempts = :attempts - 1""")
    void markAttemptFailed(String id, String status, int attempts, Instant at, Instant nextAttemptAt,
                           @Nullable String error);
}
