package org.careergraph.catalog.release;

import static org.careergraph.catalog.TestCatalog.MAP;
import static org.careergraph.catalog.TestCatalog.path;
import static org.careergraph.catalog.TestCatalog.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A first start with the bundled releases and the seed pages: every O*NET-SOC and active ANZSCO occupation has a
 * page with what its releases hold, each value with its source; the seed pages merge into their official records;
 * codes that disagree with the classification are findings, shown and listed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialReleasesIT implements TestPropertyProvider {

    private static final String EDITOR = TestInfrastructure.token("EDITOR");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BundledReleases bundled;

    @Inject
    ReleaseImports imports;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("catalog"));
        props.put("careergraph.catalog.load-releases", "true");
        props.put("careergraph.catalog.load-seeds", "true");
        // The whole catalog's export is tens of megabytes.
        props.put("micronaut.http.client.max-content-length", String.valueOf(256 * 1024 * 1024));
        props.put("micronaut.http.client.read-timeout", "120s");
        return props;
    }

    @Test
    void everyReleaseIsInForceWithItsAttribution() {
        List<Map<String, Object>> releases = list("/api/releases");
        assertEquals(List.of("AI_APPLICABILITY", "ANZSCO", "CROSSWALK", "LLM_EXPOSURE", "OEWS", "ONET",
                "PROJECTIONS", "ZH_TITLES"), releases.stream().map(r -> (String) r.get("series")).sorted().toList());
        assertTrue(releases.stream().allMatch(r -> Boolean.TRUE.equals(r.get("inForce"))));
        Map<String, Object> onet = releases.stream().filter(r -> r.get("series").equals("ONET")).findFirst()
                .orElseThrow();
        assertTrue(((String) onet.get("attribution")).contains("O*NET 30.1 Database"));
        assertEquals(1016, onet.get("records"));
    }

    @Test
    void aCatalogWhosePagesAnOlderDerivationMadeAppliesTheReleasesInForceOnceMore() {
        // As a catalog of the release before: every bundled release held, imported under the old name.
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE release_import SET requested_by = 'bundled releases'", PreparedStatement::executeUpdate));

        bundled.onApplicationEvent(null);
        bundled.onApplicationEvent(null);

        List<ImportLog.Entry> again = imports.latest(10).stream()
                .filter(e -> e.requestedBy().equals(BundledReleases.AUTHOR)).toList();
        assertEquals(1, again.size(), "applied once more, then known to be current");
        assertEquals(ImportLog.Status.APPLIED, again.get(0).status());
        assertEquals(List.of(), again.get(0).releases(), "no new release: the ones in force");
        assertEquals(0, again.get(0).outcome().updated(), "these pages are current already: nothing moves");
    }

    @Test
    void everyOccupationOfTheReleasesHasAPage() {
        assertEquals(1016L, total(get("/api/occupations?codeSystem=SOC&size=1")));
        // 1,023 active ANZSCO 1.2 occupations, and two seed pages whose codes ANZSCO 1.2 lacks.
        assertEquals(1025L, total(get("/api/occupations?codeSystem=ANZSCO&size=1")));

        Map<String, Object> nurse = get("/api/occupations/soc-29-1141");
        assertEquals("Registered Nurses", path(nurse, "page", "title", "en"));
        assertEquals("護理師", path(nurse, "page", "title", "zh"));
        assertEquals("EDITORIAL_TRANSLATION", path(nurse, "provenance", "fields", "/title/zh", "kind"));
        assertFalse(((List<?>) path(nurse, "page", "official", "tasks")).isEmpty());
        assertNotNull(path(nurse, "page", "official", "jobZone", "zone"));
        assertEquals("Bachelor's degree", path(nurse, "page", "official", "projections", "entryEducation"));
        assertNotNull(path(nurse, "page", "official", "llmExposure", "gpt4", "beta"));
        assertNotNull(path(nurse, "page", "official", "aiApplicability", "score"));
        assertEquals(3, ((List<?>) path(nurse, "page", "salaryBands")).size());
        assertEquals("OEWS", path(nurse, "provenance", "fields", "/salaryBands", "series"));
        assertEquals("May 2024", path(nurse, "provenance", "fields", "/official/wages", "release"));
        List<String> attributions = (List<String>) nurse.get("attributions");
        assertTrue(attributions.get(0).startsWith("This page includes information from the O*NET 30.1 Database"),
                attributions.toString());
        assertTrue(attributions.stream().anyMatch(a -> a.equals("Source: U.S. Bureau of Labor Statistics,"
                + " Occupational Employment and Wage Statistics, May 2024.")), attributions.toString());
        assertTrue(attributions.stream().anyMatch(a -> a.contains("editorial translation")), attributions.toString());

        Map<String, Object> engineer = get("/api/occupations/anzsco-261313");
        assertEquals("Software Engineer", path(engineer, "page", "title", "en"));
        assertEquals(1, engineer.get("skillLevel"));
        assertEquals("ANZSCO", path(engineer, "provenance", "fields", "/skillLevel", "series"));
        assertEquals(4, ((List<?>) path(engineer, "page", "official", "groups")).size());
    }

    @Test
    void oNetSubOccupationsAndCrosswalkedFigures() {
        Map<String, Object> analysts = get("/api/occupations/soc-15-2051.01");
        assertEquals("Business Intelligence Analysts", path(analysts, "page", "title", "en"));
        assertEquals("15-2051", path(analysts, "page", "official", "wages", "socCode"));
        // O*NET 13-1021 is published by BLS as the NEM/OEWS group 13-1020.
        Map<String, Object> buyers = get("/api/occupations/soc-13-1021");
        assertEquals("13-1020", path(buyers, "page", "official", "wages", "socCode"));
        assertEquals("13-1020", path(buyers, "page", "official", "projections", "nemCode"));
    }

    @Test
    void aSeedPageMergesIntoItsOfficialRecordKeepingBothSides() {
        Map<String, Object> social = get("/api/occupations/soc-21-1022");
        // The page's own sections, from the seed's text.
        assertEquals("AMPLIFIED_BY_AI", path(social, "page", "aiImpact", "verdict"));
        assertTrue(((String) path(social, "page", "title", "en")).contains("Healthcare Social Workers"));
        assertEquals("PAGE_IMPORT", path(social, "provenance", "fields", "/aiImpact", "kind"));
        assertEquals("PAGE_IMPORT", path(social, "provenance", "fields", "/salaryBands", "kind"));
        assertEquals("PAGE_IMPORT", path(social, "provenance", "fields", "/title/en", "kind"));
        // The official record's, from the releases.
        assertEquals("Healthcare Social Workers", path(social, "page", "official", "title"));
        assertFalse(((List<?>) path(social, "page", "official", "tasks")).isEmpty());
        assertEquals("21-1022", path(social, "page", "official", "wages", "socCode"));
        assertEquals("ONET", path(social, "provenance", "fields", "/official/tasks", "series"));
        assertEquals(null, social.get("findings"));
    }

    @Test
    void codesThatDisagreeWithTheClassificationAreFindingsNamingBothSides() {
        Map<String, Object> coordinator = get("/api/occupations/anzsco-224211");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) path(coordinator, "findings", "items");
        assertEquals("TITLE_MISMATCH", findings.get(0).get("kind"));
        assertEquals("Archivist", findings.get(0).get("officialSide"));
        assertTrue(((String) findings.get(0).get("pageSide")).contains("IT Project Coordinator"));
        assertEquals("Archivist", path(coordinator, "page", "official", "title"));

        Map<String, String> listed = list("/api/occupations/findings").stream().collect(Collectors.toMap(
                f -> (String) f.get("id"),
                f -> (String) ((List<Map<String, Object>>) f.get("findings")).get(0).get("kind")));
        assertEquals(Map.of("anzsco-224211", "TITLE_MISMATCH", "anzsco-541112", "TITLE_MISMATCH",
                "anzsco-411215", "CODE_NOT_IN_CLASSIFICATION", "anzsco-599614", "CODE_NOT_IN_CLASSIFICATION"), listed);
    }

    @Test
    void theWholeCatalogExportsAndImportsBackUnchanged() {
        String export = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/export").bearerAuth(EDITOR));
        assertEquals(1016 + 1025, export.lines().count());
        assertTrue(export.length() > 5 * 1024 * 1024, "far beyond the 1 MB of other bodies: " + export.length());
        assertTrue(export.contains("\"provenance\""), "each line keeps its sources");
        Map<String, Object> result = http.toBlocking().retrieve(HttpRequest.POST("/api/occupations/import", export)
                .contentType("application/x-ndjson").bearerAuth(EDITOR), MAP);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 1016 + 1025), result);
    }

    @Test
    void searchFindsOccupationsByTheirChineseEnglishAndAlternateTitles() {
        assertEquals("soc-29-1141", firstHit("q=" + encoded("護理師") + "&codeSystem=SOC"));
        assertEquals("anzsco-261313", firstHit("q=" + encoded("軟體工程師") + "&codeSystem=ANZSCO"));
        assertEquals("soc-29-1141", firstHit("q=Registered+Nurses&codeSystem=SOC"));
        // An O*NET alternate title of Data Scientists, in no title.
        assertEquals("soc-15-2051", firstHit("q=Data+Analytics+Scientist"));
        Map<String, Object> summary = ((List<Map<String, Object>>) get("/api/occupations?q=Data+Analytics+Scientist")
                .get("items")).get(0);
        assertEquals("資料科學家", summary.get("titleZh"));
        assertEquals(true, summary.get("titleZhTranslated"), "an editorial translation, and the list says so");
        assertEquals(4, summary.get("jobZone"));
        assertEquals("15-0000", path(summary, "majorGroup", "code"));
        assertNotNull(path(summary, "medianWage", "amount"));
        assertNotNull(summary.get("llmExposure"));
        assertFalse(summary.containsKey("page"), "a listing answers summaries, not pages");
    }

    @Test
    void browseByMajorGroupLevelWageAndExposure() {
        List<Map<String, Object>> groups = list("/api/occupations/groups");
        assertEquals(8, groups.stream().filter(g -> g.get("codeSystem").equals("ANZSCO")).count());
        assertEquals(22, groups.stream().filter(g -> g.get("codeSystem").equals("SOC")).count());
        Map<String, Object> professionals = groups.stream().filter(g -> g.get("code").equals("2")).findFirst()
                .orElseThrow();
        assertEquals("Professionals", path(professionals, "title", "en"));
        long inGroup = total(get("/api/occupations?majorGroup=2&size=1"));
        assertEquals(((Number) professionals.get("occupations")).longValue(), inGroup);
        assertTrue(inGroup > 300);
        assertEquals(inGroup, total(get("/api/occupations?codeSystem=ANZSCO&codePrefix=2&size=1")));

        long levelOne = total(get("/api/occupations?codeSystem=ANZSCO&skillLevel=1&size=1"));
        assertEquals(385L, levelOne, "ANZSCO 1.2 has 385 occupations at skill level 1");
        long zoneFive = total(get("/api/occupations?jobZone=5&size=1"));
        assertTrue(zoneFive > 50 && zoneFive < 400, "" + zoneFive);

        List<Map<String, Object>> wellPaid = (List<Map<String, Object>>) get(
                "/api/occupations?minWage=150000&sort=WAGE_DESC&size=100").get("items");
        assertFalse(wellPaid.isEmpty());
        List<Double> wages = wellPaid.stream().map(i -> ((Number) path(i, "medianWage", "amount")).doubleValue())
                .toList();
        assertTrue(wages.stream().allMatch(w -> w >= 150000), wages.toString());
        assertEquals(wages.stream().sorted(java.util.Comparator.reverseOrder()).toList(), wages);

        List<Map<String, Object>> exposed = (List<Map<String, Object>>) get(
                "/api/occupations?minExposure=0.7&maxExposure=1&size=100").get("items");
        assertTrue(exposed.stream().allMatch(i -> ((Number) i.get("llmExposure")).doubleValue() >= 0.7));
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String firstHit(String query) {
        return (String) ((List<Map<String, Object>>) get("/api/occupations?" + query).get("items")).get(0).get("id");
    }

    private Map<String, Object> get(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(EDITOR), MAP);
    }

    private List<Map<String, Object>> list(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(EDITOR), Argument.listOf(MAP));
    }
}
