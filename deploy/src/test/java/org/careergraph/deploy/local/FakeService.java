package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in service for the supervision tests, run in its own JVM: on {@code PORT} it answers its readiness with
 * 200 and every other path with its pid. It exits at once with code 3 when the file {@code FAKE_SERVICE_CRASH_FILE}
 * names exists, so that a test can turn a healthy service into one that crashes on every start.
 */
public final class FakeService {

    static final String CRASH_FILE = "FAKE_SERVICE_CRASH_FILE";
    static final int CRASH_CODE = 3;

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String crashFile = System.getenv(CRASH_FILE);
        if (crashFile != null && Files.exists(Path.of(crashFile))) {
            System.out.println("crashing as told by " + crashFile);
            System.exit(CRASH_CODE);
        }
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(Gateway.READINESS, exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/", exchange -> answer(exchange, "{\"pid\":" + ProcessHandle.current().pid() + "}"));
        server.start();
        System.out.println("listening on " + port);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
