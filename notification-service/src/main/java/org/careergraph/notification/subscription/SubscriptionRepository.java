package org.careergraph.notification.subscription;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubscriptionRepository extends CrudRepository<Subscription, String> {

    @Query("SELECT COUNT(*) FROM subscription WHERE email = :email AND confirmed_at IS NULL AND created_at > :since")
    long countUnconfirmed(String email, Instant since);

    @Query("DELETE FROM subscription WHERE channel = 'EMAIL' AND confirmed_at IS NULL AND created_at < :before")
    void deleteUnconfirmedBefore(Instant before);
}
