package org.careergraph.testsupport;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The property wiring of a service's {@code @MicronautTest}: the service on the {@link TestInfrastructure}, with a
 * fresh database, one test instance per class. A subclass names its database and adds its own properties, if any.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {

    private final String databasePrefix;

    protected ServiceTest(String databasePrefix) {
        this.databasePrefix = databasePrefix;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestInfrastructure.serviceProperties(databasePrefix);
        properties.putAll(moreProperties());
        return properties;
    }

    /** This test's properties on top of the infrastructure's: none unless overridden. */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }
}
