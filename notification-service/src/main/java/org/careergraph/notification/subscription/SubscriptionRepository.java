package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubscriptionRepository extends CrudRepository<Subscription, String> {

    @Query("SELECT COUNT(*) FROM subscription WHERE email = :email AND confirmed_at IS NULL AND created_at > :since")
    long countUnconfirmed(String email, Instant since);

    @Query("SELECT COUNT(*) FROM subscription WHERE webhook_endpoint = :endpoint")
    long countByWebhookEndpoint(String endpoint);

    /** Webhook subscriptions whose endpoint is still their URL as given (rows from before the cap, see V7). */
    @Query("SELECT * FROM subscription WHERE webhook_url IS NOT NULL AND webhook_endpoint = webhook_url")
    List<Subscription> findWithUnnormalizedEndpoint();

    @Query("UPDATE subscription SET webhook_endpoint = :endpoint WHERE id = :id")
    void updateWebhookEndpoint(String id, String endpoint);

    /** Outside the transaction that stores, so that two first subscriptions to an endpoint do not deadlock. */
    @Query("INSERT IGNORE INTO webhook_endpoint_lock (endpoint_hash) VALUES (:endpointHash)")
    void addEndpointLock(byte[] endpointHash);

    /** Inside it: holds other subscriptions to the endpoint until this one is stored, on every instance. */
    @Query("SELECT COUNT(*) FROM webhook_endpoint_lock WHERE endpoint_hash = :endpointHash FOR UPDATE")
    long lockEndpoint(byte[] endpointHash);

    @Query("DELETE FROM subscription WHERE channel = 'EMAIL' AND confirmed_at IS NULL AND created_at < :before")
    void deleteUnconfirmedBefore(Instant before);

    /** Holds the row until the transaction ends: a rotation and a change of the subscription wait for each other. */
    @Query("SELECT * FROM subscription WHERE id = :id FOR UPDATE")
    Optional<Subscription> findByIdForUpdate(String id);

    @Query("UPDATE subscription SET signing_secret = :secret, previous_signing_secret = :previous, "
            + "previous_secret_expires_at = :previousExpiresAt WHERE id = :id")
    void updateSecrets(String id, String secret, @Nullable String previous, @Nullable Instant previousExpiresAt);

    /** The few subscriptions that keep a replaced secret, expired or not (indexed on its expiry). */
    @Query("SELECT * FROM subscription WHERE previous_secret_expires_at IS NOT NULL")
    List<Subscription> findWithPreviousSecret();

    @Query("UPDATE subscription SET previous_signing_secret = NULL, previous_secret_expires_at = NULL "
            + "WHERE previous_secret_expires_at <= :now")
    void forgetPreviousSecretsExpiredAt(Instant now);
}
