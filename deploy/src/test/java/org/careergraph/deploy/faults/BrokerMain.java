package org.careergraph.deploy.faults;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.careergraph.embedded.EmbeddedKafka;

/**
 * The broker as its own process (KRaft from the same jars as the embedded one), so that the fault-injection suite
 * can kill it with SIGKILL and start it again on the same data: {@code BrokerMain <data dir> <port>}.
 */
public final class BrokerMain {

    static final String READY = "careergraph-broker-ready";

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-stop"));
        System.out.println(READY);
        new CountDownLatch(1).await();
    }
}
