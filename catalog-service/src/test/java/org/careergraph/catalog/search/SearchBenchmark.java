package org.careergraph.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.search.SearchQuery.SortBy;

/**
 * Not a test: indexes 10,000 generated occupations and prints build time and search latency per kind of query.
 * Run with {@code ./mvnw -q test-compile exec:java -pl catalog-service -Dexec.classpathScope=test
 * -Dexec.mainClass=org.careergraph.catalog.search.SearchBenchmark}.
 */
public final class SearchBenchmark {

    private static final int OCCUPATIONS = 10_000;
    private static final int QUERIES = 1_000;
    private static final int WARM_UP_QUERIES = 500;
    private static final int SINGLE_PUTS = 1_000;

    private static final String[] ZH_FIELDS = {"社區", "護理", "數據", "軟件", "土木", "財務", "會計", "物流", "建築",
        "醫療", "教育", "環境", "農業", "法律", "市場", "網絡", "安全", "餐飲", "人力資源", "項目", "住房", "藥劑"};
    private static final String[] ZH_ROLES = {"工作者", "工程師", "護士", "官員", "經理", "分析師", "協調員", "顧問",
        "技術員", "助理", "專家", "設計師"};
    private static final String[] EN_FIELDS = {"Community", "Nursing", "Data", "Software", "Civil", "Financial",
        "Accounting", "Logistics", "Construction", "Medical", "Education", "Environmental", "Agricultural", "Legal",
        "Marketing", "Network", "Safety", "Hospitality", "Human Resources", "Project", "Housing", "Pharmacy"};
    private static final String[] EN_ROLES = {"Worker", "Engineer", "Nurse", "Officer", "Manager", "Analyst",
        "Coordinator", "Consultant", "Technician", "Assistant", "Specialist", "Designer"};
    private static final String[] ZH_VERBS = {"自動生成", "分析", "管理", "處理", "協調", "評估", "設計", "審核",
        "預測", "整理", "監控", "撰寫"};
    private static final String[] ZH_OBJECTS = {"服務記錄", "案例報告", "合規文件", "客戶需求", "預算", "排程",
        "風險", "項目進度", "數據", "合約", "培訓材料", "危機干預"};
    private static final String[] EN_VERBS = {"Generate", "Analyse", "Manage", "Process", "Coordinate", "Assess",
        "Design", "Review", "Forecast", "Organise", "Monitor", "Draft"};
    private static final String[] EN_OBJECTS = {"service records", "case reports", "compliance documents",
        "client needs", "budgets", "schedules", "risks", "project progress", "data", "contracts",
        "training materials", "crisis interventions"};
    private static final String[] ZH_QUERIES = {"社區", "護士", "數據分析", "工程師", "案例報告", "風險", "協調",
        "財務", "客戶需求", "住房官員", "預算", "培訓"};
    private static final String[] EN_QUERIES = {"nurses", "engineering", "coordinate", "data analyst", "reports",
        "budget", "community workers", "designing", "contract", "monitoring", "housing", "pharmacy"};
    private static final String[] CODE_SYSTEMS = {"ANZSCO", "SOC", "NOL", "OSCA", "ISCO"};

    private final Random random = new Random(42);

    public static void main(String[] args) {
        new SearchBenchmark().run();
    }

    /** Occupations made up from a fixed seed, for benchmarks beyond the real catalog's size. */
    public static List<IndexedOccupation> generated(int count) {
        SearchBenchmark generator = new SearchBenchmark();
        List<IndexedOccupation> occupations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            occupations.add(generator.occupation(i));
        }
        return occupations;
    }

    private void run() {
        List<IndexedOccupation> occupations = new ArrayList<>();
        for (int i = 0; i < OCCUPATIONS; i++) {
            occupations.add(occupation(i));
        }
        try (OccupationIndex index = new OccupationIndex()) {
            long start = System.nanoTime();
            index.putAll(occupations);
            System.out.printf("Indexed %,d occupations in %,d ms (putAll, one refresh)%n", OCCUPATIONS,
                    (System.nanoTime() - start) / 1_000_000);

            List<Supplier<SearchQuery>> kinds = List.of(this::textZh, this::textEn, this::filterOnly,
                    this::textAndFilter);
            List<String> names = List.of("text zh", "text en", "filter only", "text + filter");
            for (Supplier<SearchQuery> kind : kinds) {
                for (int i = 0; i < WARM_UP_QUERIES; i++) {
                    index.search(kind.get());
                }
            }
            System.out.printf("%-14s %10s %10s %10s %12s%n", "query", "median ms", "p95 ms", "p99 ms", "avg total");
            for (int k = 0; k < kinds.size(); k++) {
                long[] nanos = new long[QUERIES];
                long totals = 0;
                for (int i = 0; i < QUERIES; i++) {
                    SearchQuery query = kinds.get(k).get();
                    long queryStart = System.nanoTime();
                    totals += index.search(query).total();
                    nanos[i] = System.nanoTime() - queryStart;
                }
                Arrays.sort(nanos);
                System.out.printf("%-14s %10.3f %10.3f %10.3f %12d%n", names.get(k), millis(nanos, 0.50),
                        millis(nanos, 0.95), millis(nanos, 0.99), totals / QUERIES);
            }

            long[] nanos = new long[SINGLE_PUTS];
            for (int i = 0; i < SINGLE_PUTS; i++) {
                IndexedOccupation changed = occupation(random.nextInt(OCCUPATIONS));
                long putStart = System.nanoTime();
                index.put(changed);
                nanos[i] = System.nanoTime() - putStart;
            }
            Arrays.sort(nanos);
            System.out.printf("put() of one changed occupation, visible to the next search: median %.3f ms, "
                    + "p95 %.3f ms, p99 %.3f ms%n", millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99));
        }
    }

    private IndexedOccupation occupation(int n) {
        int field = random.nextInt(ZH_FIELDS.length);
        int role = random.nextInt(ZH_ROLES.length);
        String codeSystem = pick(CODE_SYSTEMS);
        PageFixture page = PageFixture.page(ZH_FIELDS[field] + ZH_ROLES[role], EN_FIELDS[field] + " " + EN_ROLES[role])
                .code(codeSystem, "%06d".formatted(n))
                .skilledMigration(random.nextBoolean())
                .publishedScore(Integer.toString(1 + random.nextInt(10)))
                .summary(new LocalizedText(zhTask(), enTask() + ". " + enTask() + "."))
                .verdict(pick(AiVerdict.values()), LocalizedText.zh(zhTask() + "," + zhTask()));
        for (int i = 0; i < 4; i++) {
            page.taskTakenOver(LocalizedText.zh(zhTask()))
                    .taskAugmented(random.nextBoolean() ? LocalizedText.zh(zhTask()) : LocalizedText.en(enTask()))
                    .humanMoat(LocalizedText.zh(zhTask()))
                    .skillToBuild(new LocalizedText(zhTask(), enTask()));
        }
        page.growthArea(pick(EN_FIELDS) + " growth").faq(LocalizedText.zh(zhTask() + "?"), LocalizedText.en(enTask()));
        BigDecimal computed = random.nextInt(3) == 0 ? null : BigDecimal.valueOf(random.nextInt(101), 1);
        Integer tier = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : null;
        return new IndexedOccupation("occupation-" + n, page.build(), random.nextInt(20) == 0, computed, tier);
    }

    private SearchQuery textZh() {
        return SearchQuery.builder().text(pick(ZH_QUERIES)).build();
    }

    private SearchQuery textEn() {
        return SearchQuery.builder().text(pick(EN_QUERIES)).build();
    }

    private SearchQuery filterOnly() {
        return SearchQuery.builder().codeSystem(pick(CODE_SYSTEMS)).codePrefix(Integer.toString(random.nextInt(10)))
                .verdict(pick(AiVerdict.values())).scoreBetween(BigDecimal.valueOf(random.nextInt(6)), null)
                .sort(SortBy.SCORE_DESC).build();
    }

    private SearchQuery textAndFilter() {
        return SearchQuery.builder().text(random.nextBoolean() ? pick(ZH_QUERIES) : pick(EN_QUERIES))
                .codeSystem(pick(CODE_SYSTEMS)).skilledMigration(true).build();
    }

    private String zhTask() {
        return pick(ZH_VERBS) + pick(ZH_OBJECTS) + "和" + pick(ZH_OBJECTS);
    }

    private String enTask() {
        return pick(EN_VERBS) + " " + pick(EN_OBJECTS) + " and " + pick(EN_OBJECTS);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double millis(long[] sortedNanos, double quantile) {
        return sortedNanos[(int) Math.ceil(quantile * sortedNanos.length) - 1] / 1_000_000.0;
    }
}
