package org.careergraph.deploy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.deploy.faults.Api.Answer;
import org.careergraph.deploy.faults.WebhookReceiver.Call;
import org.careergraph.deploy.faults.Workload.Occupation;
import org.careergraph.deploy.local.Service;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TopicProbe;

/**
 * The checks the suite runs once the faults stop, until they all pass (converged) or time runs out: what was
 * acknowledged is stored, every event reached every consumer, every derived value equals a fresh computation from
 * the final inputs, every expected alert arrived once and in order, and nothing is stuck or dead-lettered by surprise.
 * Each check answers the discrepancies it found (none: passed).
 */
final class EndState {

    static final String DLT_ORIGINAL_TOPIC = "careergraph-dlt-original-topic";
    static final String DLT_ORIGINAL_PARTITION = "careergraph-dlt-original-partition";
    static final String DLT_ORIGINAL_OFFSET = "careergraph-dlt-original-offset";
    static final String DLT_CONSUMER_GROUP = "careergraph-dlt-consumer-group";

    /**
     * Each consumer group and the topics it reads, as the services subscribe (their handlers' event types), and each
     * service's dead-letter inbox reading the dead-letter twins.
     */
    static final Map<String, List<String>> CONSUMED = consumed();

    private static Map<String, List<String>> consumed() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("catalog-service", List.of(Topics.IMMIGRATION_STATUSES, Topics.SCORES));
        groups.put("immigration-service", List.of(Topics.OCCUPATIONS));
        groups.put("scoring-service", List.of(Topics.OCCUPATIONS, Topics.IMMIGRATION_STATUSES));
        groups.put("notification-service", List.of(Topics.OCCUPATIONS, Topics.IMMIGRATION_POLICIES,
                Topics.IMMIGRATION_STATUSES, Topics.SCORES));
        Map<String, List<String>> withInboxes = new LinkedHashMap<>(groups);
        groups.forEach((group, topics) -> withInboxes.put(group + "-dead-letters",
                topics.stream().map(Topics::deadLetter).toList()));
        return withInboxes;
    }

    private final Cluster cluster;
    private final Api api;
    private final KafkaView kafka;
    private final Workload workload;
    private final WebhookReceiver receiver;
    private final Set<String> poison;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Figures of the alert check, for the table. */
    record Alerts(int expected, int lost, int duplicatedAtReceiver, int sentMoreThanOnce, int outOfOrder) {
    }

    private Alerts alerts = new Alerts(0, 0, 0, 0, 0);

    /** @param poison where the suite's own malformed records landed, as {@code topic/partition/offset} */
    EndState(Cluster cluster, Api api, KafkaView kafka, Workload workload, WebhookReceiver receiver,
             Set<String> poison) {
        this.cluster = cluster;
        this.api = api;
        this.kafka = kafka;
        this.workload = workload;
        this.receiver = receiver;
        this.poison = poison;
    }

    /** Every check by name, in the table's order, with what it found. */
    Map<String, List<String>> check() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        found.put("acknowledged writes stored", run(this::acknowledgedWrites));
        found.put("every event consumed (lag 0, outboxes sent)", run(this::eventsConsumed));
        found.put("scores = fresh computation from final inputs", run(this::scores));
        found.put("statuses = fresh assessment", run(this::statuses));
        found.put("catalog signals = latest score and status", run(this::signals));
        found.put("each search index = database", run(this::searchIndexes));
        found.put("expected alerts received once, in order", run(this::alerts));
        found.put("dead letters only the suite's", run(this::deadLetters));
        found.put("no job stuck", run(this::jobs));
        return found;
    }

    private interface Check {
        List<String> run() throws Exception;
    }

    /** A check that cannot run (a replica answering 5xx, a query failing) has not passed: asked again next round. */
    private static List<String> run(Check check) {
        try {
            return check.run();
        } catch (Exception e) {
            return List.of("could not check: " + e);
        }
    }

    Alerts alertFigures() {
        return alerts;
    }

    private List<String> acknowledgedWrites() {
        List<String> problems = new ArrayList<>();
        for (Occupation occupation : workload.occupations) {
            Answer page = api.send(Service.CATALOG, "GET", "/api/occupations/" + occupation.id, null, null);
            String title = page.acked() ? page.body().path("page").path("title").path("en").asText() : page.text();
            String token = title.substring(title.lastIndexOf(' ') + 1);
            if (!token.equals(occupation.ackedToken) && !occupation.unknownTokens.contains(token)) {
                problems.add(occupation.id + ": title " + title + ", last acknowledged " + occupation.ackedToken);
            }
        }
        for (String id : workload.ackedPolicyUpdates) {
            Answer update = api.admin(Service.IMMIGRATION, "GET", "/api/immigration/policy-updates/" + id, null);
            if (!update.acked()) {
                problems.add("policy update " + id + ": " + update.status());
            } else if (workload.withdrawnPolicyUpdates.contains(id) && update.body().path("withdrawnAt").isNull()) {
                problems.add("policy update " + id + " withdrawn but not marked so");
            }
        }
        for (Workload.ChurnSubscription gone : workload.deletedChurn) {
            Answer read = api.subscriber("GET", "/api/subscriptions/" + gone.id(), gone.manageToken());
            if (read.status() != 404) {
                problems.add("subscription " + gone.id() + " deleted, but reading it answers " + read.status());
            }
        }
        for (String location : workload.ackedReleaseImports) {
            Answer release = api.admin(Service.CATALOG, "GET", location, null);
            if (!release.acked() || !"APPLIED".equals(release.body().path("status").asText())) {
                problems.add("release import " + location + ": " + release.text());
            }
        }
        Answer model = api.send(Service.SCORING, "GET", "/api/scoring/model", null, null);
        int weight = model.body().path("model").path("weights").path("aiRisk").asInt();
        if (weight != workload.ackedAiRiskWeight && !workload.unknownAiRiskWeights.contains(weight)) {
            problems.add("scoring model: aiRisk weight " + weight + ", last acknowledged " + workload.ackedAiRiskWeight);
        }
        return problems;
    }

    private List<String> eventsConsumed() throws Exception {
        List<String> problems = new ArrayList<>();
        kafka.lag(CONSUMED).forEach((group, lag) -> {
            if (lag != 0) {
                problems.add("consumer group " + group + " lags " + lag);
            }
        });
        for (Service service : Cluster.SERVICES) {
            long unsent = count(service, "SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL");
            if (unsent != 0) {
                problems.add(service.shortName() + ": " + unsent + " outbox events not sent");
            }
        }
        return problems;
    }

    private List<String> scores() throws Exception {
        List<String> problems = new ArrayList<>();
        Answer model = api.send(Service.SCORING, "GET", "/api/scoring/model", null, null);
        Answer preview = api.admin(Service.SCORING, "POST", "/api/scoring/model/preview",
                Map.of("model", model.body().path("model")));
        if (!preview.acked() || preview.body().path("changed").asInt(-1) != 0) {
            problems.add("a fresh computation moves stored scores: " + preview.text());
        }
        Map<String, Object> catalog = column(Service.CATALOG, "SELECT id, revision FROM occupation");
        Map<String, Object> scoring = column(Service.SCORING, "SELECT occupation_id, revision FROM scoring_input");
        differ(problems, "scoring's catalog revision", catalog, scoring);
        Map<String, Object> statuses = column(Service.IMMIGRATION,
                "SELECT occupation_id, summary FROM occupation_status WHERE country = 'NZ'");
        Map<String, Object> heard = column(Service.SCORING,
                "SELECT occupation_id, status FROM scoring_input WHERE status_country = 'NZ'");
        differ(problems, "scoring's NZ status", tree(statuses), tree(heard));
        return problems;
    }

    private List<String> statuses() throws Exception {
        List<String> problems = new ArrayList<>();
        Answer consistency = api.admin(Service.IMMIGRATION, "GET", "/api/immigration/consistency", null);
        if (!consistency.acked()) {
            problems.add("consistency check: " + consistency.text());
        } else {
            consistency.body().forEach(country -> {
                if (country.path("differing").asInt() != 0) {
                    problems.add(country.path("country").asText() + ": " + country.path("differing").asInt()
                            + " statuses differ from a fresh assessment, e.g. " + country.path("examples"));
                }
            });
        }
        differ(problems, "immigration's catalog revision", column(Service.CATALOG, "SELECT id, revision FROM occupation"),
                column(Service.IMMIGRATION, "SELECT id, revision FROM occupation"));
        return problems;
    }

    private List<String> signals() throws Exception {
        List<String> problems = new ArrayList<>();
        differ(problems, "catalog's score", decimals(column(Service.SCORING, "SELECT occupation_id, overall FROM score")),
                decimals(column(Service.CATALOG, "SELECT occupation_id, overall_score FROM occupation_signal"
                        + " WHERE overall_score IS NOT NULL")));
        // Every NZ status, with a tier or without (a tier removed must leave the catalog too), and every tier the
        // catalog shows must be one immigration holds.
        Map<String, Object> tiers = column(Service.IMMIGRATION,
                "SELECT occupation_id, green_list_tier FROM occupation_status WHERE country = 'NZ'");
        Map<String, Object> shown = column(Service.CATALOG,
                "SELECT occupation_id, green_list_tier FROM occupation_signal WHERE green_list_tier IS NOT NULL");
        differ(problems, "catalog's Green List tier", tiers, column(Service.CATALOG,
                "SELECT occupation_id, green_list_tier FROM occupation_signal"));
        differ(problems, "immigration's Green List tier (as the catalog shows it)", shown, tiers);
        return problems;
    }

    private List<String> searchIndexes() throws Exception {
        List<String> problems = new ArrayList<>();
        long stored = count(Service.CATALOG, "SELECT COUNT(*) FROM occupation");
        Map<String, Object> titles = column(Service.CATALOG, "SELECT id, title_en FROM occupation");
        for (Replica replica : cluster.replicas(Service.CATALOG)) {
            JsonNode all = get(replica, "/api/occupations?includeArchived=true&size=1");
            if (all == null || all.path("total").asLong() != stored) {
                problems.add(replica.name() + " indexes " + (all == null ? "?" : all.path("total")) + " of " + stored);
            }
            for (Occupation occupation : workload.occupations) {
                String title = String.valueOf(titles.get(occupation.id));
                String token = title.substring(title.lastIndexOf(' ') + 1);
                JsonNode hits = get(replica, "/api/occupations?q=" + token);
                boolean found = hits != null && hits.path("items").findValuesAsText("id").contains(occupation.id);
                if (!found) {
                    problems.add(replica.name() + " does not find " + occupation.id + " by " + token);
                }
            }
        }
        return problems;
    }

    /**
     * Expected: each score or status change of a watched occupation published after its watch began (one published
     * earlier may or may not be told, as the notification service documents). Each must have reached the watch's
     * receiver; per webhook-id repeats are counted (at-least-once, deduplicated by receivers); one change under two
     * webhook-ids is a change sent twice; per occupation and topic, the first arrivals must follow the events' order.
     */
    private List<String> alerts() {
        List<String> problems = new ArrayList<>();
        Map<String, Occupation> watched = workload.occupations.stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<String, ConsumerRecord<String, byte[]>> events = new HashMap<>();
        for (String topic : List.of(Topics.SCORES, Topics.IMMIGRATION_STATUSES)) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                String id = TopicProbe.header(record, "ce_id");
                if (id != null && watched.containsKey(record.key())) {
                    events.putIfAbsent(id, record);
                }
            }
        }
        List<Call> calls = receiver.calls().stream().filter(c -> c.path().startsWith("/stable/")).toList();
        Map<String, List<Call>> byWebhookId = calls.stream().collect(Collectors.groupingBy(Call::webhookId));
        int duplicated = byWebhookId.values().stream().mapToInt(c -> c.size() - 1).sum();
        Map<String, Set<String>> idsPerChange = new HashMap<>();
        calls.forEach(c -> idsPerChange.computeIfAbsent(c.path() + " " + c.eventId(), k -> new HashSet<>())
                .add(c.webhookId()));
        int sentTwice = (int) idsPerChange.values().stream().filter(ids -> ids.size() > 1).count();
        idsPerChange.forEach((change, ids) -> {
            if (ids.size() > 1) {
                problems.add("sent more than once: " + change + " as " + ids);
            }
        });

        int expected = 0;
        int lost = 0;
        Set<String> received = calls.stream().map(c -> c.path() + " " + c.eventId()).collect(Collectors.toSet());
        for (var event : events.entrySet()) {
            Occupation occupation = watched.get(event.getValue().key());
            if (Instant.ofEpochMilli(event.getValue().timestamp()).isBefore(occupation.watchedSince)) {
                continue;
            }
            expected++;
            if (!received.contains("/stable/" + occupation.id + " " + event.getKey())) {
                lost++;
                problems.add("not received: " + event.getValue().topic() + " " + event.getKey() + " of "
                        + occupation.id);
            }
        }

        int outOfOrder = 0;
        Map<String, List<Call>> firstArrivals = calls.stream().filter(c -> events.containsKey(c.eventId()))
                .collect(Collectors.groupingBy(c -> c.path() + " " + events.get(c.eventId()).topic(),
                        LinkedHashMap::new, Collectors.toList()));
        for (var stream : firstArrivals.entrySet()) {
            long lastOffset = -1;
            Set<String> seen = new HashSet<>();
            for (Call call : stream.getValue().stream().sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                    .toList()) {
                if (!seen.add(call.eventId())) {
                    continue;
                }
                long offset = events.get(call.eventId()).offset();
                if (offset < lastOffset) {
                    outOfOrder++;
                    problems.add("out of order at " + stream.getKey() + ": " + call.eventId());
                }
                lastOffset = Math.max(lastOffset, offset);
            }
        }
        alerts = new Alerts(expected, lost, duplicated, sentTwice, outOfOrder);
        return problems;
    }

    /**
     * Every dead letter is one of the suite's malformed records, each of those was dead-lettered by every group
     * consuming its topic, and the service whose group did so lists it for its admins.
     */
    private List<String> deadLetters() {
        List<String> problems = new ArrayList<>();
        Set<String> dead = new HashSet<>();
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> letter : kafka.readAll(Topics.deadLetter(topic))) {
                String origin = TopicProbe.header(letter, DLT_ORIGINAL_TOPIC) + "/"
                        + TopicProbe.header(letter, DLT_ORIGINAL_PARTITION) + "/"
                        + TopicProbe.header(letter, DLT_ORIGINAL_OFFSET);
                String group = TopicProbe.header(letter, DLT_CONSUMER_GROUP);
                dead.add(group + " " + origin);
                if (!poison.contains(origin)) {
                    problems.add("dead letter not put there by the suite: " + origin + " by " + group + " ("
                            + TopicProbe.header(letter, "careergraph-dlt-error") + ")");
                } else if (!listed(group, origin)) {
                    problems.add("dead letter " + origin + " of " + group + " not listed by its service");
                }
            }
        }
        for (String origin : poison) {
            String topic = origin.substring(0, origin.indexOf('/'));
            CONSUMED.forEach((group, topics) -> {
                if (topics.contains(topic) && !dead.contains(group + " " + origin)) {
                    problems.add("malformed record " + origin + " not dead-lettered by " + group);
                }
            });
        }
        return problems;
    }

    private boolean listed(String group, String origin) {
        Service service = Cluster.SERVICES.stream().filter(s -> group.startsWith(s.shortName())).findFirst()
                .orElseThrow();
        Answer list = api.admin(service, "GET", "/api/" + service.shortName() + "/dead-letters?size=100", null);
        return list.acked() && StreamSupport.stream(list.body().path("items").spliterator(), false)
                .anyMatch(item -> origin.equals(item.path("originalTopic").asText() + "/"
                                + item.path("originalPartition").asText() + "/" + item.path("originalOffset").asText()));
    }

    private List<String> jobs() throws Exception {
        List<String> problems = new ArrayList<>();
        long rescores = count(Service.SCORING, "SELECT COUNT(*) FROM rescore_job WHERE finished_at IS NULL");
        if (rescores != 0) {
            problems.add(rescores + " re-score jobs not finished");
        }
        long fanOuts = count(Service.NOTIFICATION, "SELECT COUNT(*) FROM notice WHERE fan_out_due IS NOT NULL");
        if (fanOuts != 0) {
            problems.add(fanOuts + " notices not fanned out");
        }
        long pending = count(Service.NOTIFICATION, "SELECT COUNT(*) FROM notification WHERE status = 'PENDING'");
        if (pending != 0) {
            problems.add(pending + " deliveries pending");
        }
        return problems;
    }

    // ---- reading ----

    private JsonNode get(Replica replica, String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(replica.url().resolve(path)).build(),
                    BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private long count(Service service, String sql) throws SQLException {
        try (Connection c = cluster.database().connect(service.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column as key, the second as value. */
    private Map<String, Object> column(Service service, String sql) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        try (Connection c = cluster.database().connect(service.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getObject(2));
            }
        }
        return values;
    }

    private Map<String, Object> tree(Map<String, Object> texts) throws IOException {
        Map<String, Object> trees = new HashMap<>();
        for (var entry : texts.entrySet()) {
            trees.put(entry.getKey(), entry.getValue() == null ? null : json.readTree((String) entry.getValue()));
        }
        return trees;
    }

    private static Map<String, Object> decimals(Map<String, Object> values) {
        Map<String, Object> plain = new HashMap<>();
        values.forEach((k, v) -> plain.put(k, v == null ? null
                : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString()));
        return plain;
    }

    /** Every key of {@code truth} must have the same value in {@code copy}. */
    private static void differ(List<String> problems, String what, Map<String, Object> truth,
                               Map<String, Object> copy) {
        truth.forEach((key, value) -> {
            if (!Objects.equals(value, copy.get(key))) {
                problems.add(what + " of " + key + ": " + copy.get(key) + ", should be " + value);
            }
        });
    }
}
