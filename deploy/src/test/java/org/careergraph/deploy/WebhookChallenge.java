package org.careergraph.deploy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every test webhook receiver must do before the notification service stores a subscription to it: answer the
 * verification request (body {@code {"type":"webhook.verification","challenge":"..."}}) with 200 echoing the
 * challenge. Such a request is no delivery: receivers answer it and count nothing.
 */
public final class WebhookChallenge {

    private static final Pattern VERIFICATION = Pattern.compile("\"type\"\\s*:\\s*\"webhook\\.verification\"");
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]*)\"");

    private WebhookChallenge() {
    }

    /** Answers the exchange when this body is a verification request, and says whether it was one. */
    public static boolean answered(HttpExchange exchange, byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher challenge = CHALLENGE.matcher(text);
        if (!VERIFICATION.matcher(text).find() || !challenge.find()) {
            return false;
        }
        byte[] answer = ("{\"challenge\":\"" + challenge.group(1) + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
        return true;
    }
}
