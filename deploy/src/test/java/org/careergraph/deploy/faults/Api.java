package org.careergraph.deploy.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.careergraph.deploy.local.Service;

/**
 * The services' APIs as a client behind a load balancer sees them: each request goes to one replica; a request that
 * could not connect (nothing was sent) is tried on another; anything else is the answer, or unknown.
 */
final class Api {

    /**
     * What became of a request: ACKED (2xx), REFUSED (4xx), NOT_SENT (no replica took the connection), UNKNOWN (5xx,
     * or the connection broke after sending: it may have been committed).
     */
    enum Outcome { ACKED, REFUSED, NOT_SENT, UNKNOWN }

    record Answer(Outcome outcome, int status, JsonNode body, String text) {

        boolean acked() {
            return outcome == Outcome.ACKED;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Cluster cluster;
    private final String adminToken;

    Api(Cluster cluster) {
        this.cluster = cluster;
        this.adminToken = cluster.adminToken();
    }

    String adminToken() {
        return adminToken;
    }

    /** A replica of the service that answers now (for requests a client makes to one address, as an upload). */
    Replica anyReady(Service service) {
        return cluster.replicas(service).stream().filter(Replica::ready).findAny()
                .orElse(cluster.replicas(service).getFirst());
    }

    Answer admin(Service service, String method, String path, Object body) {
        return send(service, method, path, body, adminToken);
    }

    /** A subscriber's request about their subscription: the manage token in its header. */
    Answer subscriber(String method, String path, String manageToken) {
        return send(Service.NOTIFICATION, method, path, null, null, "X-Manage-Token", manageToken);
    }

    Answer send(Service service, String method, String path, Object body, String bearer, String... headers) {
        List<Replica> order = new ArrayList<>(cluster.replicas(service));
        Collections.shuffle(order);
        for (Replica replica : order) {
            HttpRequest.Builder request = HttpRequest.newBuilder(replica.url().resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(write(body), UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
                int status = response.statusCode();
                Outcome outcome = status / 100 == 2 ? Outcome.ACKED : status / 100 == 4 ? Outcome.REFUSED
                        : Outcome.UNKNOWN;
                if (status == 503 && outcome == Outcome.UNKNOWN && order.indexOf(replica) < order.size() - 1) {
                    continue; // not ready (starting): nothing was done, another replica may be
                }
                return new Answer(outcome, status, read(response.body()), response.body());
            } catch (ConnectException e) {
                // refused: the replica is down and nothing was sent; the next one
            } catch (IOException e) {
                return new Answer(Outcome.UNKNOWN, 0, null, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(Outcome.UNKNOWN, 0, null, e.toString());
            }
        }
        return new Answer(Outcome.NOT_SENT, 0, null, "no replica of " + service.shortName() + " accepted a connection");
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
