package org.careergraph.catalog.release;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One release import at a time across every replica: a database lock held on a connection of its own around the
 * whole import, so that it is released only after the import's transaction committed or rolled back (two imports
 * would otherwise lock the same occupations in another order, or read what the other has not committed).
 */
@Singleton
class ImportLock {

    private static final String NAME = "careergraph.catalog.release-import";
    private static final int WAIT_SECONDS = 600;

    private final DataSource dataSource;

    ImportLock(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    <T> T holding(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, NAME);
                lock.setInt(2, WAIT_SECONDS);
                try (ResultSet got = lock.executeQuery()) {
                    if (!got.next() || got.getInt(1) != 1) {
                        throw new IllegalStateException("another release import held the lock for "
                                + WAIT_SECONDS + " s");
                    }
                }
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    unlock.setString(1, NAME);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the release import lock could not be taken: " + e.getMessage(), e);
        }
    }
}
