package org.careergraph.testsupport.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import com.mysql.cj.jdbc.MysqlDataSource;
import javax.sql.DataSource;

/**
 * {@code CHECKSUM TABLE} of every table of the service's schema (MySQL and MariaDB), one statement per fingerprint.
 * Flyway's history is left out; so are tables a service writes on its own schedule (named by the test, with why).
 * The outbox counts by the events written to it, not by its rows: the relay marks an event sent on its own schedule,
 * and a mark landing after one request had settled would read as the next request's write.
 */
public final class DatabaseFingerprint implements StateFingerprint {

    private static final String OUTBOX = "outbox_event";

    private final DataSource dataSource;
    private final Set<String> ignored;
    private volatile Plan plan;

    /** The CHECKSUM TABLE statement (empty without tables to sum), and whether the outbox is counted besides. */
    private record Plan(String checksum, boolean outbox) {
    }

    private DatabaseFingerprint(DataSource dataSource, Set<String> ignored) {
        this.dataSource = dataSource;
        this.ignored = ignored;
    }

    /** Every table but flyway_schema_history and the ignored ones. */
    public static DatabaseFingerprint of(DataSource dataSource, String... ignoredTables) {
        return new DatabaseFingerprint(dataSource, Set.copyOf(Arrays.asList(ignoredTables)));
    }

    /**
     * The database of a service started with these properties ({@code datasources.default.url}, username and password,
     * as {@link org.careergraph.testsupport.TestInfrastructure#serviceProperties} gives them), read on connections of
     * its own: the service's DataSource bean hands out connections only inside its transactions.
     */
    public static DatabaseFingerprint of(Map<String, ?> serviceProperties, String... ignoredTables) {
        String url = String.valueOf(serviceProperties.get("datasources.default.url"));
        String user = String.valueOf(serviceProperties.get("datasources.default.username"));
        Object password = serviceProperties.get("datasources.default.password");
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password == null ? "" : password.toString());
        return of(dataSource, ignoredTables);
    }

    @Override
    public Map<String, String> take() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (plan == null) {
                plan = plan(s);
            }
            Map<String, String> sums = new TreeMap<>();
            if (!plan.checksum().isEmpty()) {
                try (ResultSet rows = s.executeQuery(plan.checksum())) {
                    while (rows.next()) {
                        String table = rows.getString(1);
                        sums.put(table.substring(table.indexOf('.') + 1), String.valueOf(rows.getString(2)));
                    }
                }
            }
            if (plan.outbox()) {
                try (ResultSet written = s.executeQuery("SELECT COUNT(*), MAX(seq) FROM " + OUTBOX)) {
                    written.next();
                    sums.put(OUTBOX, written.getLong(1) + " events, last " + written.getLong(2));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fingerprint the service's database", e);
        }
    }

    private Plan plan(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        boolean outbox = false;
        try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (table.equalsIgnoreCase("flyway_schema_history") || ignored.contains(table)) {
                    continue;
                }
                // The outbox is counted, not summed: its checksum would only be overwritten.
                if (table.equals(OUTBOX)) {
                    outbox = true;
                } else {
                    tables.add(table);
                }
            }
        }
        return new Plan(tables.isEmpty() ? "" : "CHECKSUM TABLE " + tables.stream().map(t -> "`" + t + "`")
                .collect(Collectors.joining(", ")), outbox);
    }
}
