package org.careergraph.deploy.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import org.careergraph.embedded.EmbeddedKafka;
import org.careergraph.embedded.EmbeddedMariaDb;

/**
 * The broker and the database of a local run, with their data in the data folder, kept between runs; and a mail
 * server that keeps every mail the system sends (in memory, for this run) for reading over IMAP.
 */
final class EmbeddedServers implements AutoCloseable {

    private final Path home;
    private final int kafkaPort;
    private final int databasePort;
    private final int smtpPort;
    private final int imapPort;
    private EmbeddedKafka kafka;
    private EmbeddedMariaDb mariaDb;
    private GreenMail mail;

    EmbeddedServers(Path home, int kafkaPort, int databasePort, int smtpPort, int imapPort) {
        this.home = home;
        this.kafkaPort = kafkaPort;
        this.databasePort = databasePort;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Starts Kafka in {@code home/kafka} and MariaDB in {@code home/mariadb}, with one database per service.
     * Synchronized with close(): a Ctrl-C meanwhile stops both once they are up, instead of leaving one running.
     */
    synchronized LocalLauncher.Infrastructure start() {
        Ports.requireFree(kafkaPort, "the embedded Kafka", "CAREERGRAPH_KAFKA_PORT");
        Ports.requireFree(databasePort, "the embedded MariaDB", "CAREERGRAPH_DB_PORT");
        Ports.requireFree(smtpPort, "the local mail server (SMTP)", "CAREERGRAPH_SMTP_PORT");
        Ports.requireFree(imapPort, "the local mail server (IMAP)", "CAREERGRAPH_IMAP_PORT");
        // Any user name and password open a mailbox: the address the mail went to is the one to read.
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        kafka = EmbeddedKafka.start(home.resolve("kafka"), kafkaPort);
        mariaDb = EmbeddedMariaDb.start(home.resolve("mariadb"), databasePort);
        for (Service service : Service.values()) {
            if (service.hasDatabase()) {
                mariaDb.createDatabase(service.database());
            }
        }
        EmbeddedMariaDb db = mariaDb;
        return new LocalLauncher.Infrastructure(kafka.bootstrapServers(), db::jdbcUrl, db.username(), db.password(),
                smtpPort);
    }

    /** Stops what has started: the broker first, then the database, then the mail server. */
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
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }
}
