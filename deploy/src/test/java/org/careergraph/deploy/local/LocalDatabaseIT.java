package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.careergraph.embedded.FreePorts;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local run on a server the user names: a real MySQL or MariaDB (the tests' own). */
class LocalDatabaseIT {

    @TempDir
    Path home;

    @Test
    void theNamedServerGetsTheDatabasesAndTheServicesTheirUrls() throws Exception {
        Map<String, String> env = Map.of(LocalDatabase.URL_VARIABLE, TestInfrastructure.dbBaseUrl() + "/",
                LocalDatabase.USERNAME_VARIABLE, TestInfrastructure.dbUsername(),
                LocalDatabase.PASSWORD_VARIABLE, TestInfrastructure.dbPassword());
        LocalDatabase.Choice choice = LocalDatabase.choose(env::get, LocalDatabase.Platform.current(), false, () -> {
            throw new AssertionError("Docker must not be asked");
        });
        String name = "launcher_" + UUID.randomUUID().toString().substring(0, 8);

        try (LocalDatabase database = LocalDatabase.start(choice, env::get, home, 0)) {
            String url = database.createDatabase(name);
            database.createDatabase(name); // a second start finds it there

            assertTrue(database.description().contains(TestInfrastructure.dbBaseUrl()), database.description());
            try (Connection c = DriverManager.getConnection(url, TestInfrastructure.dbUsername(),
                    TestInfrastructure.dbPassword()); ResultSet rs = c.createStatement().executeQuery("SELECT DATABASE()")) {
                rs.next();
                assertEquals(name, rs.getString(1));
            }
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedInTheError() {
        String url = "jdbc:mysql://127.0.0.1:" + FreePorts.pick() + "?connectTimeout=2000";
        Map<String, String> env = Map.of(LocalDatabase.URL_VARIABLE, url);
        LocalDatabase.Choice choice = LocalDatabase.choose(env::get, LocalDatabase.Platform.current(), false, () -> false);

        try (LocalDatabase database = LocalDatabase.start(choice, env::get, home, 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> database.createDatabase("catalog"));
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains("as root"), e.getMessage());
        }
    }
}
