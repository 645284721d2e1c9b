package org.careergraph.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.careergraph.testsupport.InfraChoice.Source;
import org.junit.jupiter.api.Test;

class InfraChoiceTest {

    private final AtomicInteger dockerProbes = new AtomicInteger();

    private BooleanSupplier docker(boolean available) {
        return () -> {
            dockerProbes.incrementAndGet();
            return available;
        };
    }

    @Test
    void serversNamedInTheEnvironmentWinWithoutAskingDocker() {
        Map<String, String> env = Map.of("TEST_KAFKA_BOOTSTRAP", "broker:9092", "TEST_DB_URL", "jdbc:mysql://db:3306");

        assertEquals(Source.ENVIRONMENT, InfraChoice.kafkaSource(env::get, docker(true)));
        assertEquals(Source.ENVIRONMENT, InfraChoice.databaseSource(env::get, docker(true)));
        assertEquals(0, dockerProbes.get());
        assertEquals("broker:9092", InfraChoice.kafkaBootstrap(env::get));
    }

    @Test
    void eachServerIsChosenIndependently() {
        Map<String, String> env = Map.of("TEST_KAFKA_BOOTSTRAP", "broker:9092");

        assertEquals(Source.ENVIRONMENT, InfraChoice.kafkaSource(env::get, docker(false)));
        assertEquals(Source.EMBEDDED, InfraChoice.databaseSource(env::get, docker(false)));
        assertEquals(Source.TESTCONTAINERS, InfraChoice.databaseSource(env::get, docker(true)));
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> env = Map.of("TEST_KAFKA_BOOTSTRAP", " ", "TEST_DB_URL", "");

        assertEquals(Source.TESTCONTAINERS, InfraChoice.kafkaSource(env::get, docker(true)));
        assertEquals(Source.EMBEDDED, InfraChoice.databaseSource(env::get, docker(false)));
    }

    @Test
    void credentialsDefaultToRootWithAnEmptyPassword() {
        Map<String, String> none = Map.of();
        Map<String, String> set = Map.of("TEST_DB_USERNAME", "ci", "TEST_DB_PASSWORD", "secret");

        assertEquals("root", InfraChoice.dbUsername(none::get));
        assertEquals("", InfraChoice.dbPassword(none::get));
        assertEquals("ci", InfraChoice.dbUsername(set::get));
        assertEquals("secret", InfraChoice.dbPassword(set::get));
    }

    @Test
    void baseUrlMustNameAServerButNoDatabase() {
        assertEquals("jdbc:mysql://db:3306", InfraChoice.baseUrl("jdbc:mysql://db:3306"));
        assertEquals("jdbc:mysql://db:3306", InfraChoice.baseUrl(" jdbc:mysql://db:3306/ "));
        assertEquals("jdbc:mysql://db:3306?sslMode=REQUIRED", InfraChoice.baseUrl("jdbc:mysql://db:3306/?sslMode=REQUIRED"));
        assertThrows(IllegalArgumentException.class, () -> InfraChoice.baseUrl("jdbc:mysql://db:3306/catalog"));
        assertThrows(IllegalArgumentException.class, () -> InfraChoice.baseUrl("jdbc:postgresql://db:5432"));
        assertThrows(IllegalArgumentException.class, () -> InfraChoice.baseUrl("jdbc:mysql://"));
    }

    @Test
    void jdbcUrlAddsTheDatabaseAndDefaultParametersTheBaseDoesNotSet() {
        assertEquals("jdbc:mysql://db:3306/catalog_ab12cd34?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true",
                InfraChoice.jdbcUrl("jdbc:mysql://db:3306", "catalog_ab12cd34"));
        assertEquals("jdbc:mysql://db:3306/x?useSSL=true&connectTimeout=5000&createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true",
                InfraChoice.jdbcUrl("jdbc:mysql://db:3306?useSSL=true&connectTimeout=5000", "x"));
    }
}
