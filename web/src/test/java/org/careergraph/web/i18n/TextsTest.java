package org.careergraph.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.careergraph.web.admin.AdminChoices;
import org.careergraph.web.catalog.CatalogChoices;
import org.careergraph.web.ranking.Country;
import org.careergraph.web.ranking.RankingList;
import org.careergraph.web.view.PageContext;
import org.careergraph.web.watch.WatchForm;
import org.junit.jupiter.api.Test;

/** The two bundles match each other, and hold every key the templates and the Java code ask for. */
class TextsTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Path JAVA = Path.of("src/main/java");

    /** Keys built from a prefix and a value, with every value the pages can put there. */
    private static final Map<String, List<?>> PREFIXED = new LinkedHashMap<>();

    static {
        PREFIXED.put("dimension.", PageContext.DIMENSIONS);
        PREFIXED.put("kind.", WatchForm.KINDS);
        PREFIXED.put("verdict.", CatalogChoices.VERDICTS);
        PREFIXED.put("sort.", CatalogChoices.SORTS);
        PREFIXED.put("codeSystem.", CatalogChoices.CODE_SYSTEMS);
        PREFIXED.put("tier.", List.of(1, 2));
        PREFIXED.put("skillLevel.", CatalogChoices.LEVELS);
        PREFIXED.put("jobZone.", CatalogChoices.LEVELS);
        PREFIXED.put("findingKind.", List.of("CODE_NOT_IN_CLASSIFICATION", "TITLE_MISMATCH", "CODE_RETIRED"));
        PREFIXED.put("groupLevel.", List.of("major", "sub-major", "minor", "unit", "broad"));
        PREFIXED.put("exposure.", List.of("alpha", "beta", "gamma"));
        PREFIXED.put("exposureText.", List.of("alpha", "beta", "gamma"));
        PREFIXED.put("wages.percentile.", List.of(10, 25, 50, 75, 90));
        PREFIXED.put("section.", List.of("title", "codeSystem", "code", "crosswalk", "skilledMigration",
                "publishedOverallScore", "summary", "aiImpact", "salaryBands", "educationPaths", "qualifications",
                "visaPathways", "immigrationNote", "suitableFor", "notSuitableFor", "careerProspects", "outlook",
                "growthAreas", "faq", "dataSources", "skillLevel", "editorial", "archived", "official"));
        PREFIXED.put("route.", List.of("GREEN_LIST", "SMC", "AEWV", "HIGHLY_PAID_WORK_TO_RESIDENCE", "H1B", "EB2",
                "PERM"));
        PREFIXED.put("toolKind.", List.of("TOOL", "PRODUCT", "PLATFORM", "RESEARCH", "NEWS"));
        PREFIXED.put("toolImpact.", List.of("PARTIAL", "MAJOR"));
        PREFIXED.put("source.", List.of("IMPORTED", "DERIVED", "EDITORIAL"));
        PREFIXED.put("revisionKind.", List.of("CREATED", "UPDATED"));
        PREFIXED.put("subscriptionStatus.", List.of("PENDING_CONFIRMATION", "ACTIVE", "DISABLED"));
        PREFIXED.put("deliveryStatus.", List.of("PENDING", "DELIVERED", "FAILED"));
        PREFIXED.put("rescoreState.", List.of("QUEUED", "RUNNING", "DONE", "SUPERSEDED"));
        PREFIXED.put("status.country.", AdminChoices.COUNTRIES);
        PREFIXED.put("ai.", List.of("tasksTakenOver", "tasksAugmented", "humanMoat", "skillsToBuild",
                "entryLevelOutlook", "levelUp"));
        PREFIXED.put("admin.policy.", List.of("codeSystem", "code", "key", "value", "effectiveTo"));
        PREFIXED.put("admin.edit.", List.of("skillLevel", "demandOutlook", "competition"));
        PREFIXED.put("admin.policy.done.", List.of("recorded", "withdrawn", "notWithdrawn"));
        PREFIXED.put("admin.scoring.done.", List.of("queued", "unchanged"));
        PREFIXED.put("admin.deadLetters.state.", AdminChoices.DEAD_LETTER_STATES);
        PREFIXED.put("admin.deadLetters.done.", AdminChoices.DEAD_LETTER_OUTCOMES);
        List<String> rankings = Arrays.stream(RankingList.values()).map(RankingList::slug).toList();
        PREFIXED.put("ranking.title.", rankings);
        PREFIXED.put("ranking.lede.", rankings);
        PREFIXED.put("ranking.basis.", rankings.stream().flatMap(list -> Arrays.stream(Country.values())
                .map(country -> list + "." + country.name())).toList());
    }

    /** Keys held in a model variable: the controllers' literals are checked below instead. */
    private static final Set<String> VARIABLE_KEYS = Set.of("message", "problem", "message + '.title'",
            "message + '.text'");
    /** What the controllers put in those variables, besides the error pages' keys. */
    private static final List<String> MODEL_KEYS = List.of("manage.saved", "admin.edit.stale");

    private static final Pattern T = Pattern.compile("page\\.t\\[([^\\]]*)]");
    private static final Pattern WORD = Pattern.compile("page\\.word\\(\\s*'([^']*)'");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
    private static final Pattern JAVA_TEXT = Pattern.compile("getT\\(\\)\\.get\\(\"([^\"]+)\"\\)");
    private static final Pattern ERROR_PAGE = Pattern.compile("\"(error\\.[A-Za-z]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(Texts.keys(Language.EN));
        onlyEnglish.removeAll(Texts.keys(Language.ZH));
        Set<String> onlyChinese = new TreeSet<>(Texts.keys(Language.ZH));
        onlyChinese.removeAll(Texts.keys(Language.EN));

        assertEquals(Set.of(), onlyEnglish, "only in messages_en");
        assertEquals(Set.of(), onlyChinese, "only in messages_zh");
    }

    @Test
    void noTextIsBlank() {
        for (Language language : Language.values()) {
            List<String> blank = Texts.keys(language).stream()
                    .filter(key -> Texts.of(language).get(key).isBlank()).sorted().toList();
            assertEquals(List.of(), blank, "blank in messages_" + language.code());
        }
    }

    @Test
    void bothLanguagesHaveTheSamePlaceholders() {
        List<String> different = Texts.keys(Language.EN).stream().sorted()
                .filter(key -> !placeholders(Texts.of(Language.EN).get(key))
                        .equals(placeholders(Texts.of(Language.ZH).get(key))))
                .toList();

        assertEquals(List.of(), different);
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher t = T.matcher(html);
            while (t.find()) {
                String expression = t.group(1).strip();
                if (expression.contains("+")) {
                    Matcher prefix = LITERAL.matcher(expression);
                    if (!(expression.startsWith("'") && prefix.find() && PREFIXED.containsKey(prefix.group(1)))
                            && !VARIABLE_KEYS.contains(expression)) {
                        unknown.add(template.getFileName() + ": page.t[" + expression + "]");
                    }
                } else if (expression.contains("'")) {
                    LITERAL.matcher(expression).results().forEach(literal -> keys.add(literal.group(1)));
                } else if (!VARIABLE_KEYS.contains(expression)) {
                    unknown.add(template.getFileName() + ": page.t[" + expression + "]");
                }
            }
            Matcher word = WORD.matcher(html);
            while (word.find()) {
                if (!PREFIXED.containsKey(word.group(1))) {
                    unknown.add(template.getFileName() + ": page.word('" + word.group(1) + "', …)");
                }
            }
        }
        assertEquals(List.of(), unknown, "keys built from values this test does not know: add them to PREFIXED");
        assertFalse(keys.isEmpty(), "no page.t['…'] found under " + VIEWS.toAbsolutePath());

        assertEquals(List.of(), missing(keys));
    }

    @Test
    void everyKeyBuiltFromAKnownValueExists() {
        List<String> keys = new ArrayList<>();
        PREFIXED.forEach((prefix, values) -> values.forEach(value -> keys.add(prefix + value)));

        assertEquals(List.of(), missing(keys));
    }

    @Test
    void everyKeyTheJavaCodeUsesExists() throws IOException {
        List<String> keys = new ArrayList<>(MODEL_KEYS);
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                JAVA_TEXT.matcher(java).results().forEach(m -> keys.add(m.group(1)));
                if (java.contains("views.error(")) {
                    ERROR_PAGE.matcher(java).results().forEach(m -> {
                        keys.add(m.group(1) + ".title");
                        keys.add(m.group(1) + ".text");
                    });
                }
            }
        }
        assertFalse(keys.stream().noneMatch(k -> k.startsWith("error.")), "no error page key found under " + JAVA);

        assertEquals(List.of(), missing(keys));
    }

    /** Each key either bundle lacks, with the bundle's language. */
    private static List<String> missing(List<String> keys) {
        List<String> missing = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            for (Language language : Language.values()) {
                if (!Texts.keys(language).contains(key)) {
                    missing.add(key + " (" + language.code() + ")");
                }
            }
        }
        return missing;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            List<Path> html = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertFalse(html.isEmpty(), "no templates under " + VIEWS.toAbsolutePath());
            return html;
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Pattern.compile("\\{\\d+}").matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }
}
