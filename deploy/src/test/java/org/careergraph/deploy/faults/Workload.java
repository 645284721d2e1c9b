package org.careergraph.deploy.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.careergraph.deploy.faults.Api.Answer;
import org.careergraph.deploy.faults.Api.Outcome;
import org.careergraph.deploy.local.Service;
import org.careergraph.deploy.local.SystemApi;

/**
 * What users do while the suite kills things: page edits, policy updates (most in force at once, some announced for
 * a later day and some of those withdrawn), scoring model changes and subscription changes. It remembers what was
 * acknowledged, and what may have been committed without an answer, so that the end state can be checked against it.
 */
final class Workload {

    enum Kind { PAGE_EDIT, POLICY_UPDATE, POLICY_WITHDRAWAL, MODEL_CHANGE, SUBSCRIPTION_CHANGE, RELEASE_IMPORT }

    /** An occupation the workload made and edits: the title token of the last acknowledged edit, and later ones that may have landed. */
    static final class Occupation {
        final String id;
        final String code;
        String ackedToken;
        final List<String> unknownTokens = new ArrayList<>();
        Instant watchedSince;

        Occupation(String id, String code, String token) {
            this.id = id;
            this.code = code;
            this.ackedToken = token;
        }
    }

    record ChurnSubscription(String id, String manageToken) {
    }

    private final Api api;
    private final Random random;
    private final WebhookReceiver receiver;
    final List<Occupation> occupations = new ArrayList<>();
    final List<String> ackedPolicyUpdates = new ArrayList<>();
    final List<String> announcedPolicyUpdates = new ArrayList<>();
    final List<String> withdrawnPolicyUpdates = new ArrayList<>();
    final List<String> ackedReleaseImports = new ArrayList<>();
    final List<ChurnSubscription> liveChurn = new ArrayList<>();
    /** Numbers each churn subscription's URL: one URL takes only a few subscriptions. */
    private int churned;
    final List<ChurnSubscription> deletedChurn = new ArrayList<>();
    Integer ackedAiRiskWeight;
    final List<Integer> unknownAiRiskWeights = new ArrayList<>();
    final Map<Kind, Map<Outcome, Integer>> tally = new EnumMap<>(Kind.class);
    final List<String> surprises = new ArrayList<>();

    Workload(Api api, long seed, WebhookReceiver receiver) {
        this.api = api;
        this.random = new Random(seed);
        this.receiver = receiver;
        for (Kind kind : Kind.values()) {
            tally.put(kind, new EnumMap<>(Outcome.class));
        }
    }

    /**
     * Before the faults, with every process up: the official releases as of OEWS May 2023 (about 2,000 occupations),
     * imported as an admin uploads them.
     */
    void importReleases(List<SystemApi.Release> releases) {
        try (SystemApi system = new SystemApi(api.anyReady(Service.CATALOG).url().toString(), api.adminToken())) {
            for (SystemApi.Release release : releases) {
                String status = system.importRelease(release, Duration.ofMinutes(10)).path("status").asText();
                if (!status.equals("APPLIED")) {
                    throw new IllegalStateException(release.name() + ": " + status);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Before the faults: the occupations, each watched by one subscription for every kind of change, and known to
     * every service (a policy update names a code immigration must know).
     */
    void setUp(int count) {
        for (int i = 0; i < count; i++) {
            String code = String.valueOf(910000 + random.nextInt(89999));
            String token = token();
            Answer created = api.admin(Service.CATALOG, "POST", "/api/occupations", page(code, token, 60000));
            if (created.status() == 409) {
                i--;
                continue;
            }
            require(created, "create occupation " + code);
            occupations.add(new Occupation("anzsco-" + code, code, token));
        }
        for (Occupation occupation : occupations) {
            // The notification service accepts a watch once the catalog's event has told it of the occupation.
            Answer subscribed = awaitAcked(() -> api.send(Service.NOTIFICATION, "POST", "/api/subscriptions",
                    Map.of("webhookUrl", receiver.url("/stable/" + occupation.id),
                            "occupationIds", List.of(occupation.id)), null));
            occupation.watchedSince = Instant.now();
            require(subscribed, "watch " + occupation.id);
            awaitAcked(() -> api.send(Service.IMMIGRATION, "GET", "/api/immigration/occupations/" + occupation.id
                    + "/status", null, null));
            awaitAcked(() -> api.send(Service.SCORING, "GET", "/api/scores/" + occupation.id, null, null));
        }
        Answer model = api.send(Service.SCORING, "GET", "/api/scoring/model", null, null);
        require(model, "read the scoring model");
        ackedAiRiskWeight = model.body().path("model").path("weights").path("aiRisk").asInt();
    }

    /** One operation, chosen at random by weight. */
    void step() {
        int roll = random.nextInt(100);
        if (roll < 45) {
            editPage();
        } else if (roll < 65) {
            updatePolicy();
        } else if (roll < 70) {
            withdrawPolicy();
        } else if (roll < 72) {
            changeModel();
        } else {
            changeSubscription();
        }
    }

    private void editPage() {
        Occupation occupation = occupations.get(random.nextInt(occupations.size()));
        String token = token();
        Answer answer = api.admin(Service.CATALOG, "PUT", "/api/occupations/" + occupation.id,
                page(occupation.code, token, 40000 + 1000 * random.nextInt(80)));
        count(Kind.PAGE_EDIT, answer);
        if (answer.acked()) {
            occupation.ackedToken = token;
            occupation.unknownTokens.clear();
        } else if (answer.outcome() == Outcome.UNKNOWN) {
            occupation.unknownTokens.add(token);
        }
    }

    private void updatePolicy() {
        Occupation occupation = occupations.get(random.nextInt(occupations.size()));
        boolean announce = random.nextInt(4) == 0;
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "GREEN_LIST_TIER");
        change.put("codeSystem", "ANZSCO");
        change.put("code", occupation.code);
        change.put("value", List.of("1", "2").get(random.nextInt(2)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "NZ");
        if (announce) {
            body.put("effectiveFrom", LocalDate.now(ZoneId.of("Pacific/Auckland")).plusDays(1 + random.nextInt(30))
                    .toString());
        }
        body.put("source", "Fault-injection suite");
        body.put("changes", List.of(change));
        Answer answer = api.admin(Service.IMMIGRATION, "POST", "/api/immigration/policy-updates", body);
        count(Kind.POLICY_UPDATE, answer);
        if (answer.acked()) {
            String id = answer.body().path("id").asText();
            ackedPolicyUpdates.add(id);
            if (announce) {
                announcedPolicyUpdates.add(id);
            }
        }
    }

    private void withdrawPolicy() {
        if (announcedPolicyUpdates.isEmpty()) {
            updatePolicy();
            return;
        }
        String id = announcedPolicyUpdates.remove(random.nextInt(announcedPolicyUpdates.size()));
        Answer answer = api.admin(Service.IMMIGRATION, "POST", "/api/immigration/policy-updates/" + id
                + "/withdrawal", Map.of("reason", "Fault-injection suite: announced for a moment"));
        count(Kind.POLICY_WITHDRAWAL, answer);
        if (answer.acked()) {
            withdrawnPolicyUpdates.add(id);
        }
    }

    private void changeModel() {
        Answer current = api.send(Service.SCORING, "GET", "/api/scoring/model", null, null);
        if (!current.acked()) {
            count(Kind.MODEL_CHANGE, current);
            return;
        }
        ObjectNode model = (ObjectNode) current.body().path("model").deepCopy();
        int weight = model.path("weights").path("aiRisk").asInt() == 2 ? 3 : 2;
        ((ObjectNode) model.path("weights")).put("aiRisk", weight);
        Answer answer = api.admin(Service.SCORING, "PUT", "/api/scoring/model",
                Map.of("model", model, "note", "Fault-injection suite"));
        count(Kind.MODEL_CHANGE, answer);
        if (answer.acked()) {
            ackedAiRiskWeight = weight;
            unknownAiRiskWeights.clear();
        } else if (answer.outcome() == Outcome.UNKNOWN) {
            unknownAiRiskWeights.add(weight);
        }
    }

    private void changeSubscription() {
        if (liveChurn.isEmpty() || random.nextBoolean()) {
            Occupation occupation = occupations.get(random.nextInt(occupations.size()));
            Answer answer = api.send(Service.NOTIFICATION, "POST", "/api/subscriptions", Map.of(
                    "webhookUrl", receiver.url("/churn/" + occupation.id + "/" + churned++),
                    "occupationIds", List.of(occupation.id)),
                    null);
            count(Kind.SUBSCRIPTION_CHANGE, answer);
            if (answer.acked()) {
                liveChurn.add(new ChurnSubscription(answer.body().path("id").asText(),
                        answer.body().path("manageToken").asText()));
            }
            return;
        }
        ChurnSubscription subscription = liveChurn.remove(random.nextInt(liveChurn.size()));
        Answer answer = api.subscriber("DELETE", "/api/subscriptions/" + subscription.id(),
                subscription.manageToken());
        count(Kind.SUBSCRIPTION_CHANGE, answer);
        if (answer.acked()) {
            deletedChurn.add(subscription);
        } else {
            liveChurn.add(subscription); // unknown: checked as either
        }
    }

    /** An official release, uploaded as an admin does (its import then runs in the catalog's background). */
    void importRelease(SystemApi.Release release) {
        Replica catalog = api.anyReady(Service.CATALOG);
        try (SystemApi system = new SystemApi(catalog.url().toString(), api.adminToken())) {
            ackedReleaseImports.add(system.upload(release));
            count(Kind.RELEASE_IMPORT, new Answer(Outcome.ACKED, 202, null, release.name()));
        } catch (IllegalStateException e) {
            count(Kind.RELEASE_IMPORT, new Answer(Outcome.REFUSED, 0, null, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            count(Kind.RELEASE_IMPORT, new Answer(Outcome.UNKNOWN, 0, null, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(Kind kind, Answer answer) {
        tally.get(kind).merge(answer.outcome(), 1, Integer::sum);
        if (answer.outcome() == Outcome.REFUSED) {
            surprises.add(kind + " refused: " + answer.status() + " " + answer.text());
        }
    }

    int operations() {
        return tally.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    private static Answer awaitAcked(Supplier<Answer> request) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(request::get, Answer::acked);
    }

    private static void require(Answer answer, String what) {
        if (!answer.acked()) {
            throw new IllegalStateException(what + ": " + answer.status() + " " + answer.text());
        }
    }

    /** A word the search index keeps whole: letters only. */
    private String token() {
        StringBuilder word = new StringBuilder("fx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** A page whose title carries the token and whose mid-level pay moves the statuses' pay tests and the scores. */
    static Map<String, Object> page(String code, String token, int midMin) {
        return Map.of("skillLevel", 4, "page", Map.of(
                "title", Map.of("zh", "斷層測試員", "en", "Faultline Tester " + token), "codeSystem", "ANZSCO",
                "code", code,
                "salaryBands", List.of(
                        Map.of("level", "junior", "min", 38000, "max", 48000, "currency", "NZD"),
                        Map.of("level", "mid", "min", midMin, "max", midMin + 14000, "currency", "NZD"),
                        Map.of("level", "senior", "min", 130000, "max", 150000, "currency", "NZD"))));
    }
}
