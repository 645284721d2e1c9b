package org.careergraph.catalog.release;

import static org.awaitility.Awaitility.await;
import static org.careergraph.catalog.TestCatalog.MAP;
import static org.careergraph.catalog.TestCatalog.path;
import static org.careergraph.catalog.TestCatalog.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.catalog.release.DelimitedFile.Row;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Releases imported through the API, one after another as publishers release them: O*NET and the crosswalk make
 * the SOC occupations; OEWS May 2023 then May 2024 changes exactly the occupations whose figures moved, one revision
 * and one event each; the same release again changes nothing; an older one and broken files are refused, storing
 * nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseUpdateIT implements TestPropertyProvider {

    private static final String ADMIN = TestInfrastructure.token("ADMIN");
    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private final TopicProbe events = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.OCCUPATIONS);
    private final Instant started = Instant.now();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("catalog"));
        // Small, so that a file over it is cheap to send; O*NET's largest table is 4.5 MB.
        props.put("careergraph.catalog.release-file-limit", "5MB");
        return props;
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    @Order(1)
    void onetAndTheCrosswalkMakeEveryOnetOccupation() {
        Map<String, Object> onet = importAndWait(upload("ONET", ReleaseFiles.bundled(Series.ONET)));
        assertEquals(1016, outcome(onet).get("created"));
        importAndWait(upload("CROSSWALK", ReleaseFiles.bundled(Series.CROSSWALK), "2023-09-06", "2023-09-06"));
        assertEquals(1016L, total(get("/api/occupations?codeSystem=SOC&size=1")));
        Map<String, Object> subOccupation = get("/api/occupations/soc-15-2051.01");
        assertEquals("Business Intelligence Analysts", path(subOccupation, "page", "title", "en"));

        // An editor sets the pay of one occupation, and replaces another's page without its official record.
        http.toBlocking().exchange(HttpRequest.PATCH("/api/occupations/soc-11-1011", Map.of("page", Map.of(
                "salaryBands", List.of(Map.of("level", "Editor's band", "min", 100000, "max", 200000,
                        "currency", "USD"))))).contentType("application/merge-patch+json").bearerAuth(EDITOR));
        Map<String, Object> managers = get("/api/occupations/soc-11-1021");
        Map<String, Object> page = new HashMap<>((Map<String, Object>) managers.get("page"));
        page.remove("official");
        page.put("summary", Map.of("en", "Plan and direct operations."));
        http.toBlocking().exchange(HttpRequest.PUT("/api/occupations/soc-11-1021", Map.of("page", page))
                .bearerAuth(EDITOR));
        Map<String, Object> replaced = get("/api/occupations/soc-11-1021");
        assertEquals(path(managers, "page", "official", "tasks"), path(replaced, "page", "official", "tasks"),
                "a write that leaves the official record out keeps it");
        assertEquals("ONET", path(replaced, "provenance", "fields", "/official/tasks", "series"));
        assertEquals("EDITORIAL", path(replaced, "provenance", "fields", "/summary", "kind"));
    }

    @Test
    @Order(2)
    void oewsMay2024AfterMay2023ChangesExactlyTheOccupationsWhoseFiguresMoved() {
        Map<String, Object> may2023 = importAndWait(upload("OEWS", Map.of("national_M2023_dl.csv",
                ReleaseFiles.oews2023())));
        assertTrue((int) outcome(may2023).get("updated") > 900, "most O*NET occupations have OEWS figures");
        Map<String, Object> bands = get("/api/occupations/soc-15-2051");
        assertEquals("May 2023", path(bands, "provenance", "fields", "/official/wages", "release"));
        assertEquals("OEWS", path(bands, "provenance", "fields", "/salaryBands", "series"));
        // The editor's pay stays; the release's figures sit beside it.
        Map<String, Object> edited = get("/api/occupations/soc-11-1011");
        assertEquals("Editor's band", ((List<Map<String, Object>>) path(edited, "page", "salaryBands")).get(0)
                .get("level"));
        assertEquals("EDITORIAL", path(edited, "provenance", "fields", "/salaryBands", "kind"));
        assertEquals("11-1011", path(edited, "page", "official", "wages", "socCode"));

        Set<String> moved = movedBetween2023And2024();
        Map<String, Object> may2024 = importAndWait(upload("OEWS", Map.of("national_M2024_dl.csv",
                ReleaseFiles.oews2024())));
        assertEquals(moved.size(), outcome(may2024).get("updated"));
        assertEquals(0, outcome(may2024).get("created"));
        assertTrue(moved.size() > 500 && moved.size() < 1016, "most figures moved, not all: " + moved.size());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(moved, eventsOf("release: BLS OEWS May 2024").keySet()));
        eventsOf("release: BLS OEWS May 2024").forEach((id, count) -> assertEquals(1, count, id));
        // Each event carries the figures, and the release they are from, for scoring and visa rules downstream.
        Map<String, Object> scientists = lastPayload("soc-15-2051", "release: BLS OEWS May 2024");
        assertEquals("BLS OEWS May 2024", path(scientists, "occupation", "published", "wageRelease"));
        assertEquals(new java.math.BigDecimal(may2024Median("15-2051")),
                new java.math.BigDecimal(path(scientists, "occupation", "published", "medianWage").toString()));
        assertEquals(4, path(scientists, "occupation", "published", "jobZone"));
        // With what to read it against: the same release's all-occupations median, kept on the stored page too.
        assertEquals(0, new java.math.BigDecimal("49500").compareTo(new java.math.BigDecimal(path(scientists,
                "occupation", "published", "allOccupationsMedianWage").toString())));
        assertEquals("00-0000", path(get("/api/occupations/soc-15-2051"), "page", "official", "wages",
                "allOccupations", "socCode"));

        // An occupation whose figures did not move (every one BLS publishes moved a little between these two
        // releases; those that did not are the ones neither release has, such as the military's): no revision.
        String still = firstUnmoved(moved);
        Map<String, Object> unmoved = get("/api/occupations/" + still);
        assertEquals(null, path(unmoved, "page", "official", "wages"));
        List<Map<String, Object>> revisions = list("/api/occupations/" + still + "/revisions");
        assertTrue(revisions.stream().noneMatch(r -> "release: BLS OEWS May 2024".equals(r.get("changedBy"))));
        // A moved one: one revision naming the release, with its field diff.
        String one = moved.iterator().next();
        List<Map<String, Object>> movedRevisions = list("/api/occupations/" + one + "/revisions");
        Map<String, Object> latest = movedRevisions.get(0);
        assertEquals("release: BLS OEWS May 2024", latest.get("changedBy"));
        assertTrue(((List<Map<String, Object>>) latest.get("changes")).stream()
                .allMatch(c -> ((String) c.get("path")).startsWith("/official/wages")
                        || c.get("path").equals("/salaryBands")), latest.toString());
    }

    @Test
    @Order(3)
    void theSameReleaseAgainChangesNothing() {
        long eventsBefore = eventsOf("release: BLS OEWS May 2024").values().stream().mapToLong(i -> i).sum();
        Map<String, Object> again = importAndWait(upload("OEWS", Map.of("national_M2024_dl.csv",
                ReleaseFiles.oews2024())));
        assertEquals(0, outcome(again).get("updated"));
        assertEquals(0, outcome(again).get("created"));
        assertEquals(eventsBefore, eventsOf("release: BLS OEWS May 2024").values().stream().mapToLong(i -> i).sum());
    }

    @Test
    @Order(4)
    void anOlderReleaseChangesNothingAndSaysSo() {
        List<Map<String, Object>> before = list("/api/releases");
        int trail = list("/api/releases/imports").size();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(upload("OEWS", Map.of("national_M2023_dl.csv", ReleaseFiles.oews2023())), MAP));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        String detail = (String) e.getResponse().getBody(MAP).orElseThrow().get("detail");
        assertTrue(detail.contains("older than the release in force") && detail.contains("May 2024"), detail);
        assertEquals(before, list("/api/releases"));
        assertEquals(trail, list("/api/releases/imports").size());
    }

    @Test
    @Order(5)
    void brokenFilesAreRefusedNamingFileRowAndColumnAndStoreNothing() {
        List<Map<String, Object>> before = list("/api/releases");
        int trail = list("/api/releases/imports").size();
        String text = new String(ReleaseFiles.oews2024(), StandardCharsets.UTF_8);
        String broken = text.replaceFirst("\n(99,U\\.S\\.,[^\n]*?,15-2051,Data Scientists,detailed,)(\\d+),",
                "\n$1twelve,");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(upload("OEWS", Map.of("national_M2025_dl.csv",
                        broken.getBytes(StandardCharsets.UTF_8))), MAP));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        Map<String, Object> problem = e.getResponse().getBody(MAP).orElseThrow();
        Map<String, Object> error = ((List<Map<String, Object>>) problem.get("errors")).get(0);
        assertTrue(((String) error.get("field")).matches("national_M2025_dl\\.csv, row \\d+, column TOT_EMP"),
                error.toString());
        assertTrue(((String) error.get("message")).contains("'twelve'"), error.toString());

        byte[] tooLarge = new byte[6 * 1024 * 1024];
        HttpClientResponseException large = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(upload("OEWS", Map.of("national_M2026_dl.csv", tooLarge)), MAP));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, large.getStatus());
        assertEquals("national_M2026_dl.csv", ((List<Map<String, Object>>) large.getResponse().getBody(MAP)
                .orElseThrow().get("errors")).get(0).get("field"));

        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(upload("ANZSCO", ReleaseFiles.bundled(Series.ANZSCO)), MAP));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, missing.getStatus());

        assertEquals(before, list("/api/releases"));
        assertEquals(trail, list("/api/releases/imports").size());
    }

    @Test
    @Order(6)
    void onlyAdminsImport() {
        HttpRequest<?> anonymous = HttpRequest.POST("/api/releases", form("OEWS", Map.of("x.csv", new byte[1])))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(anonymous)).getStatus());
        HttpRequest<?> editor = HttpRequest.POST("/api/releases", form("OEWS", Map.of("x.csv", new byte[1])))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestInfrastructure.token("EDITOR"));
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(editor)).getStatus());
    }

    // --- the expected answer, from the publishers' files ---

    /**
     * The SOC occupations whose OEWS row (through the crosswalk), all-occupations row or group titles differ between
     * the releases.
     */
    private Set<String> movedBetween2023And2024() {
        DelimitedFile onet = DelimitedFile.tsv("Occupation Data", ReleaseFiles.bundled(Series.ONET)
                .get("Occupation Data.tsv"));
        DelimitedFile crosswalk = DelimitedFile.csv("crosswalk", ReleaseFiles.bundled(Series.CROSSWALK).values()
                .iterator().next());
        Map<String, String> nem = new HashMap<>();
        crosswalk.rows().forEach(r -> nem.put(crosswalk.get(r, "O*NET-SOC Code"), crosswalk.get(r, "NEM Code")));
        Map<String, String> may2023 = figures(DelimitedFile.csv("2023", ReleaseFiles.oews2023()));
        Map<String, String> may2024 = figures(DelimitedFile.csv("2024", ReleaseFiles.oews2024()));
        Set<String> moved = new HashSet<>();
        for (Row row : onet.rows()) {
            String code = onet.get(row, "O*NET-SOC Code");
            String soc = code.substring(0, 7);
            String published = nem.getOrDefault(code, soc);
            String before = figuresOf(may2023, published, soc);
            String after = figuresOf(may2024, published, soc);
            if (!Objects.equals(before, after)) {
                moved.add("soc-" + OfficialSources.socCode(code));
            }
        }
        return moved;
    }

    private static String figuresOf(Map<String, String> release, String published, String soc) {
        String own = release.containsKey(published) ? release.get(published) : release.get(soc);
        // An occupation's wages carry the release's all-occupations figures beside its own.
        String total = own == null ? null : release.get("00-0000");
        String groups = List.of(soc.substring(0, 3) + "0000 major", soc.substring(0, 5) + "00 minor",
                        soc.substring(0, 6) + "0 broad").stream()
                .filter(g -> !g.startsWith(soc + " ")).map(release::get).collect(Collectors.joining("|"));
        return own + "#" + total + "#" + groups;
    }

    /** Per OEWS row key, the cells an occupation's wages are made of. */
    private static Map<String, String> figures(DelimitedFile file) {
        List<String> cells = List.of("OCC_TITLE", "TOT_EMP", "A_MEAN", "H_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN",
                "A_PCT75", "A_PCT90", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90");
        Map<String, String> figures = new HashMap<>();
        for (Row row : file.rows()) {
            String key = ReleaseReaders.wageKey(file.get(row, "OCC_CODE"), file.get(row, "O_GROUP"));
            String value = cells.stream().map(c -> file.get(row, c).replace(",", "")).collect(Collectors.joining(","));
            figures.put(key, key.contains(" ") ? file.get(row, "OCC_TITLE") : value);
        }
        return figures;
    }

    private String firstUnmoved(Set<String> moved) {
        return DelimitedFile.tsv("Occupation Data", ReleaseFiles.bundled(Series.ONET).get("Occupation Data.tsv"))
                .rows().stream().map(r -> r.cells().get(0)).filter(c -> c.endsWith(".00"))
                .map(c -> "soc-" + c.substring(0, 7)).filter(id -> !moved.contains(id)).findFirst().orElseThrow();
    }

    // --- over HTTP ---

    private Map<String, Long> eventsOf(String changedBy) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : events.records()) {
            try {
                Map<String, Object> payload = json.readValue(record.value(), MAP);
                if (changedBy.equals(payload.get("changedBy"))
                        && !Instant.parse((String) payload.get("changedAt")).isBefore(started)) {
                    counts.merge(record.key(), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private Map<String, Object> lastPayload(String key, String changedBy) {
        Map<String, Object> last = null;
        for (ConsumerRecord<String, byte[]> record : events.recordsWithKey(key)) {
            try {
                Map<String, Object> payload = json.readValue(record.value(), MAP);
                if (changedBy.equals(payload.get("changedBy"))) {
                    last = payload;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return last;
    }

    private static String may2024Median(String soc) {
        DelimitedFile file = DelimitedFile.csv("2024", ReleaseFiles.oews2024());
        return file.rows().stream().filter(r -> file.get(r, "OCC_CODE").equals(soc)).findFirst()
                .map(r -> file.get(r, "A_MEDIAN").replace(",", "")).orElseThrow();
    }

    private HttpRequest<?> upload(String series, Map<String, byte[]> files) {
        return upload(series, files, null, null);
    }

    private HttpRequest<?> upload(String series, Map<String, byte[]> files, String release, String releasedOn) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("series", series);
        if (release != null) {
            body.addPart("release", release).addPart("releasedOn", releasedOn);
        }
        files.forEach((name, bytes) -> body.addPart("files", name, MediaType.TEXT_PLAIN_TYPE, bytes));
        return HttpRequest.POST("/api/releases", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(ADMIN);
    }

    private static MultipartBody form(String series, Map<String, byte[]> files) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("series", series);
        files.forEach((name, bytes) -> body.addPart("files", name, MediaType.TEXT_PLAIN_TYPE, bytes));
        return body.build();
    }

    private Map<String, Object> importAndWait(HttpRequest<?> request) {
        HttpResponse<Map<String, Object>> accepted = http.toBlocking().exchange(request, MAP);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String location = accepted.getHeaders().get("Location");
        Map<String, Object>[] done = new Map[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            done[0] = get(location);
            return !List.of("QUEUED", "RUNNING").contains(done[0].get("status"));
        });
        assertEquals("APPLIED", done[0].get("status"), done[0].toString());
        return done[0];
    }

    private static Map<String, Object> outcome(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("outcome");
    }

    private Map<String, Object> get(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(ADMIN), MAP);
    }

    private List<Map<String, Object>> list(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(ADMIN), Argument.listOf(MAP));
    }
}
