package org.careergraph.deploy.local;

import java.nio.file.Path;
import org.careergraph.embedded.EmbeddedKafka;
import org.careergraph.embedded.EmbeddedMariaDb;

/** The broker and the database of a local run, with their data in the data folder, kept between runs. */
final class EmbeddedServers implements AutoCloseable {

    private final Path home;
    private final int kafkaPort;
    private final int databasePort;
    private EmbeddedKafka kafka;
    private EmbeddedMariaDb mariaDb;

    EmbeddedServers(Path home, int kafkaPort, int databasePort) {
        this.home = home;
        this.kafkaPort = kafkaPort;
        this.databasePort = databasePort;
    }

    /**
     * Starts Kafka in {@code home/kafka} and MariaDB in {@code home/mariadb}, with one database per service.
     * Synchronized with close(): a Ctrl-C meanwhile stops both once they are up, instead of leaving one running.
     */
    synchronized LocalLauncher.Infrastructure start() {
        Ports.requireFree(kafkaPort, "the embedded Kafka", "CAREERGRAPH_KAFKA_PORT");
        Ports.requireFree(databasePort, "the embedded MariaDB", "CAREERGRAPH_DB_PORT");
        kafka = EmbeddedKafka.start(home.resolve("kafka"), kafkaPort);
        mariaDb = EmbeddedMariaDb.start(home.resolve("mariadb"), databasePort);
        for (Service service : Service.values()) {
            mariaDb.createDatabase(service.database());
        }
        EmbeddedMariaDb db = mariaDb;
        return new LocalLauncher.Infrastructure(kafka.bootstrapServers(), db::jdbcUrl, db.username(), db.password());
    }

    /** Stops what has started: the broker first, then the database. */
    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mariaDb != null) {
            mariaDb.close();
            mariaDb = null;
        }
    }
}
