package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** deploy/compose.yaml starts what its own comment tells the launcher to use, on this machine only. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose.yaml");

    @Test
    void theCommentsCommandMatchesTheServersAndTheLaunchersVariables() throws Exception {
        String text = Files.readString(COMPOSE);
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(text).path("services");

        JsonNode mysql = services.path("mysql");
        assertEquals(LocalDatabase.MYSQL_IMAGE, mysql.path("image").asText(), "the same MySQL as the Docker choice");
        String password = mysql.path("environment").path("MYSQL_ROOT_PASSWORD").asText();
        assertTrue(text.contains(LocalDatabase.URL_VARIABLE + "=jdbc:mysql://127.0.0.1:3306 "), text);
        assertTrue(text.contains(LocalDatabase.PASSWORD_VARIABLE + "=" + password + " "), text);
        assertTrue(text.contains(LocalServers.KAFKA_VARIABLE + "=127.0.0.1:9092 "), text);
        assertEquals("PLAINTEXT://127.0.0.1:9092",
                services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText());

        for (String name : new String[] {"mysql", "kafka"}) {
            JsonNode ports = services.path(name).path("ports");
            assertTrue(ports.size() > 0, name);
            ports.forEach(port -> assertTrue(port.asText().startsWith("127.0.0.1:"),
                    name + " must listen on this machine only: " + port.asText()));
        }
    }
}
