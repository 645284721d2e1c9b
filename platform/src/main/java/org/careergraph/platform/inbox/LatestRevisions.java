package org.careergraph.platform.inbox;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.careergraph.events.Revisioned;

/**
 * The one rule for out-of-date events, the same in every service: an event whose payload carries its aggregate's
 * revision is handled only if no later revision of that aggregate was handled here before. An older one (a dead
 * letter replayed after the occupation moved on) changes nothing and tells no one. An equal revision passes: it says
 * the same facts. Raw JDBC because Micronaut Data has no locking read of one column nor an upsert (ADR 0018).
 */
@Singleton
class LatestRevisions {

    private final TransactionOperations<Connection> transactions;

    LatestRevisions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * In the caller's transaction: false if a later revision of the event's aggregate was handled, else records its
     * revision as the latest (the row locked until the transaction ends) and returns true.
     */
    boolean admit(ReceivedEvent<?> event) {
        if (!(event.payload() instanceof Revisioned revisioned)) {
            return true;
        }
        try {
            return admit(event.type().topic(), event.payload().aggregateId(), revisioned.revision());
        } catch (SQLException e) {
            throw new DataAccessException("Reading the latest revision of " + event.payload().aggregateId()
                    + " failed", e);
        }
    }

    /**
     * One upsert that keeps the greater revision and locks the row (a locking read of a missing row would take a gap
     * lock, on which two first events of different aggregates can deadlock), then a read of what it kept.
     */
    private boolean admit(String topic, String aggregateId, int revision) throws SQLException {
        Connection connection = transactions.getConnection();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO latest_revision"
                + " (topic, aggregate_id, revision) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE revision = GREATEST(revision, ?)")) {
            upsert.setString(1, topic);
            upsert.setString(2, aggregateId);
            upsert.setInt(3, revision);
            upsert.setInt(4, revision);
            upsert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT revision FROM latest_revision WHERE topic = ? AND aggregate_id = ?")) {
            select.setString(1, topic);
            select.setString(2, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getInt(1) == revision;
            }
        }
    }
}
