package org.careergraph.testsupport.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.careergraph.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The wiring of a service's {@code DeadLettersIT}: the service on the test infrastructure, a client of it, its
 * database, and the {@link DeadLetterChecks} on them, open for the class's tests.
 */
public abstract class DeadLettersTest extends ServiceTest {

    private final String group;
    private final String api;

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected JdbcOperations jdbc;

    protected DeadLetterChecks deadLetters;

    /**
     * {@code database}: the prefix of the test database; {@code group}: the service's consumer group; {@code api}:
     * its dead-letter API.
     */
    protected DeadLettersTest(String database, String group, String api) {
        super(database);
        this.group = group;
        this.api = api;
    }

    @BeforeAll
    void openDeadLetterChecks() {
        deadLetters = new DeadLetterChecks(group, api, http, jdbc);
    }

    @AfterAll
    void closeDeadLetterChecks() {
        deadLetters.close();
    }
}
