package org.careergraph.deploy.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.careergraph.embedded.EmbeddedKafka;

/**
 * The broker, the database and the mail server of a local run. The broker is an embedded Kafka (KRaft, in this JVM,
 * data in {@code home/kafka}) unless {@value #KAFKA_VARIABLE} names one; the database is the one {@link LocalDatabase}
 * chooses; the mail server keeps every mail the system sends (in memory, for this run) for reading over IMAP.
 */
final class LocalServers implements AutoCloseable {

    static final String KAFKA_VARIABLE = "CAREERGRAPH_KAFKA_BOOTSTRAP";

    private final Path home;
    private final Function<String, String> env;
    private final PrintStream out;
    private EmbeddedKafka kafka;
    private LocalDatabase database;
    private GreenMail mail;

    LocalServers(Path home, Function<String, String> env, PrintStream out) {
        this.home = home;
        this.env = env;
        this.out = out;
    }

    /**
     * Starts the servers and creates one database per service. Synchronized with close(): a Ctrl-C meanwhile stops
     * what started once it is up, instead of leaving it running.
     */
    synchronized LocalLauncher.Infrastructure start() {
        int kafkaPort = Ports.fromEnvironment("CAREERGRAPH_KAFKA_PORT", 19092);
        int smtpPort = Ports.fromEnvironment("CAREERGRAPH_SMTP_PORT", 13025);
        int imapPort = imapPort();
        String namedKafka = env.apply(KAFKA_VARIABLE);
        if (namedKafka == null || namedKafka.isBlank()) {
            Ports.requireFree(kafkaPort, "the embedded Kafka", "CAREERGRAPH_KAFKA_PORT");
        }
        Ports.requireFree(smtpPort, "the local mail server (SMTP)", "CAREERGRAPH_SMTP_PORT");
        Ports.requireFree(imapPort, "the local mail server (IMAP)", "CAREERGRAPH_IMAP_PORT");
        // Any user name and password open a mailbox: the address the mail went to is the one to read.
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();

        LocalDatabase.Choice choice = LocalDatabase.choose(env, LocalDatabase.Platform.current(),
                LocalDatabase.bundledDataIn(home), LocalDatabase::dockerAvailable);
        database = LocalDatabase.start(choice, env, home, Ports.fromEnvironment("CAREERGRAPH_DB_PORT", 13306));
        out.println("[launcher] Database: " + database.description());
        for (Service service : Service.values()) {
            if (service.hasDatabase()) {
                database.createDatabase(service.database());
            }
        }

        String bootstrap;
        if (namedKafka == null || namedKafka.isBlank()) {
            kafka = EmbeddedKafka.start(home.resolve("kafka"), kafkaPort);
            bootstrap = kafka.bootstrapServers();
            out.println("[launcher] Kafka: embedded (KRaft) at " + bootstrap + ", data in " + home.resolve("kafka"));
        } else {
            bootstrap = namedKafka.trim();
            out.println("[launcher] Kafka: " + bootstrap + " (" + KAFKA_VARIABLE + " names it)");
        }
        LocalDatabase db = database;
        return new LocalLauncher.Infrastructure(bootstrap, name -> db.server().jdbcUrl(name), db.server().username(),
                db.server().password(), smtpPort);
    }

    /** The mail server's IMAP port on localhost. */
    static int imapPort() {
        return Ports.fromEnvironment("CAREERGRAPH_IMAP_PORT", 13143);
    }

    /** Stops what has started: the broker first, then the database, then the mail server. */
    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }
}
