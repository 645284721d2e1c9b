package org.careergraph.testsupport.hostile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The walker fails where it must: a faulty service's 500, its storing refusal, its leaking plain-text 404. */
class HostileInputSelfTestIT {

    @Test
    void reportsEveryKindOfFaultOfAFaultyService() throws Exception {
        String database = "hostile_" + TestInfrastructure.uniqueId("self").replace('-', '_');
        String jdbcUrl = TestInfrastructure.jdbcUrl(database);
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(TestInfrastructure.dbUsername());
        dataSource.setPassword(TestInfrastructure.dbPassword());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE faulty_item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name TEXT, count INT)");
        }
        Map<String, Object> properties = Map.of("micronaut.server.port", -1,
                "hostile-self-test.jdbc-url", jdbcUrl,
                "hostile-self-test.user", TestInfrastructure.dbUsername(),
                "hostile-self-test.password", TestInfrastructure.dbPassword());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            Findings findings = HostileInput.against(URI.create(server.getURL().toString()),
                            server.getApplicationContext().getBean(Router.class))
                    .fingerprint(DatabaseFingerprint.of(dataSource))
                    .examples(Examples.create().body(FaultyController.Item.class,
                            () -> "{\"name\":\"a valid name\",\"count\":3}"))
                    .walk();

            String report = findings.report();
            System.out.println(report);
            assertFound(findings, "POST /api/faulty/items", "5xx", report);
            assertFound(findings, "POST /api/faulty/items", "stored although refused", report);
            assertFound(findings, "POST /api/faulty/items", "accepted what the contract refuses", report);
            assertFound(findings, "GET /api/faulty/items/{id}", "4xx not problem+json", report);
            assertFound(findings, "GET /api/faulty/items/{id}", "internal names in the answer", report);
            AssertionError failure = assertThrows(AssertionError.class, findings::assertNone);
            assertTrue(failure.getMessage().contains("== 5xx"), failure.getMessage());
        }
    }

    private static void assertFound(Findings findings, String route, String problem, String report) {
        List<Findings.Finding> found = findings.all().stream()
                .filter(f -> f.route().equals(route) && f.problem().equals(problem)).toList();
        assertTrue(!found.isEmpty(), "expected '" + problem + "' on " + route + " in:\n" + report);
    }
}
