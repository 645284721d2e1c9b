package org.careergraph.scoring.rescore;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.OccupationFacts.AiToolImpact;
import org.careergraph.events.PublishedFacts;
import org.careergraph.events.SalaryBand;
import org.careergraph.scoring.input.ScoringInput;

/**
 * Inputs like the real catalog's, as the catalog's and the immigration service's events carry them (the same seed
 * each run, so a smaller catalog is the start of a larger one). About half are SOC occupations (1,016 of the real
 * 2,039) with the official releases' figures, each present about as often as for the real ones and distributed
 * like them (BLS OEWS May 2024 medians against the all-occupations 49,500, some top-coded at 239,200; BLS
 * Employment Projections 2022-32 change, openings and employment against all occupations' 2.8 %, 18,566.5 and
 * 164,482.6 thousand, entry education, work experience and on-the-job training in BLS's own words and shares; O*NET
 * job zones; GPTs-are-GPTs betas 0-1 and Working-with-AI applicability 0-0.5), one in twenty with a page; the rest
 * are ANZSCO occupations with a skill level (ANZSCO 1.2's shares) and, one in eight, a page in NZD. Statuses as the
 * immigration service derives them: US routes from the entry education or job zone (unknown without either), New
 * Zealand's pay rules unknown without a page's pay.
 */
final class GeneratedCatalog {

    private static final BigDecimal ALL_MEDIAN = new BigDecimal("49500");
    private static final BigDecimal TOP_CODED = new BigDecimal("239200");
    private static final BigDecimal ALL_CHANGE = new BigDecimal("2.8");
    private static final BigDecimal ALL_OPENINGS = new BigDecimal("18566.5");
    private static final BigDecimal ALL_EMPLOYMENT = new BigDecimal("164482.6");
    private static final MedianWage US_MEDIAN = new MedianWage(ALL_MEDIAN, "USD");
    private static final MedianWage NZ_MEDIAN = new MedianWage(new BigDecimal("69804.80"), "NZD");

    // BLS Employment Projections 2022-32, table 1.7: the categories as BLS spells them, and how many of the 832
    // detailed occupations have each.
    private static final String[] EDUCATION = {"No formal educational credential",
        "High school diploma or equivalent", "Postsecondary nondegree award", "Some college, no degree",
        "Associate's degree", "Bachelor's degree", "Master's degree", "Doctoral or professional degree"};
    private static final int[] EDUCATION_SHARES = {108, 327, 50, 7, 49, 179, 39, 73};
    /** The O*NET job zone each entry education most often goes with. */
    private static final int[] EDUCATION_ZONE = {1, 2, 3, 3, 3, 4, 5, 5};
    private static final String[] EXPERIENCE = {"None", "Less than 5 years", "5 years or more"};
    private static final int[] EXPERIENCE_SHARES = {719, 85, 28};
    private static final String[] TRAINING = {"None", "Short-term on-the-job training",
        "Moderate-term on-the-job training", "Long-term on-the-job training", "Apprenticeship",
        "Internship/residency"};
    private static final int[] TRAINING_SHARES = {323, 174, 229, 56, 15, 35};
    /** O*NET 30.1 job zones 1-5. */
    private static final int[] ZONE_SHARES = {33, 298, 213, 225, 154};
    /** ANZSCO 1.2 skill levels 1-5, and none. */
    private static final int[] SKILL_LEVEL_SHARES = {385, 110, 178, 204, 146, 9};
    private static final int[] SOC_MAJOR_GROUPS = {11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41,
        43, 45, 47, 49, 51, 53};

    private static final String[] VERDICTS = {"MIXED", "COMPRESSED_BY_AUTOMATION", "AMPLIFIED_BY_AI"};
    private static final String[] FIELDS = {"Community", "Nursing", "Data", "Software", "Civil", "Financial",
        "Logistics", "Construction", "Medical", "Education", "Legal", "Marketing", "Hospitality", "Pharmacy"};
    private static final String[] ROLES = {"Worker", "Engineer", "Nurse", "Officer", "Manager", "Analyst",
        "Technician", "Specialist"};
    private static final String[] QUALIFICATIONS = {"Bachelor's degree", "Registration", "Trade certificate",
        "Practising certificate", "Licence", "Postgraduate diploma"};
    private static final String[] YEARS = {"0.5", "1", "2", "3", "4", "5", "6.5"};

    private final Random random = new Random(42);

    List<ScoringInput> generate(int size) {
        List<ScoringInput> all = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            all.add(random.nextInt(2_039) < 1_016 ? soc(n) : anzsco(n));
        }
        return all;
    }

    private ScoringInput soc(int n) {
        String code = "%d-%04d".formatted(SOC_MAJOR_GROUPS[n % SOC_MAJOR_GROUPS.length],
                10 * (n / SOC_MAJOR_GROUPS.length) + 11);
        int education = weighted(EDUCATION_SHARES);
        int zone = random.nextInt(10) < 7 ? EDUCATION_ZONE[education] : 1 + weighted(ZONE_SHARES);
        Map<String, Object> published = new HashMap<>();
        if (random.nextInt(100) < 88) {
            boolean topCoded = random.nextInt(50) == 0;
            // log2(median / 49,500) by job zone: about -0.4 (zone 1) to 0.9 (zone 5), as OEWS May 2024's spread.
            double doublings = -0.65 + 0.3 * zone + 0.35 * random.nextGaussian();
            published.put("medianWage", topCoded ? TOP_CODED : BigDecimal.valueOf(Math.max(22_000,
                    Math.min(239_000, Math.round(49_500 * Math.pow(2, doublings) / 10) * 10))));
            published.put("medianWageAtLeast", topCoded);
            published.put("wageSocCode", code);
            published.put("wageRelease", "BLS OEWS May 2024");
            published.put("allOccupationsMedianWage", ALL_MEDIAN);
        }
        if (random.nextInt(100) < 90) {
            // Employment 5 to 1,000 thousand; openings about 6-15 a year per 100 jobs; change about -9 to 10 %.
            double employment = Math.pow(10, 0.7 + 2.3 * random.nextDouble());
            double openings = employment * Math.max(2, 10.5 + 3 * random.nextGaussian()) / 100;
            published.put("employmentChange", decimal(Math.max(-40, 2.5 + 6 * random.nextGaussian()), 1));
            published.put("employmentBase", decimal(employment, 1));
            published.put("annualOpenings", decimal(openings, 1));
            published.put("entryEducation", EDUCATION[education]);
            published.put("workExperience", EXPERIENCE[weighted(EXPERIENCE_SHARES)]);
            published.put("onTheJobTraining", TRAINING[weighted(TRAINING_SHARES)]);
            published.put("projectionsRelease", "BLS Employment Projections 2022-32");
            published.put("allOccupationsEmploymentChange", ALL_CHANGE);
            published.put("allOccupationsEmploymentBase", ALL_EMPLOYMENT);
            published.put("allOccupationsAnnualOpenings", ALL_OPENINGS);
        }
        if (random.nextInt(100) < 97) {
            published.put("jobZone", zone);
            published.put("jobZoneRelease", "O*NET 30.1");
        }
        if (random.nextInt(100) < 92) {
            double gpt4 = clamp(0.05 + 0.08 * zone + 0.15 * random.nextGaussian(), 1);
            published.put("llmExposureGpt4", decimal(gpt4, 4));
            published.put("llmExposureHuman", decimal(clamp(gpt4 + 0.08 * random.nextGaussian(), 1), 4));
            published.put("llmExposureRelease", "GPTs are GPTs 2024");
        }
        if (random.nextInt(100) < 77) {
            published.put("aiApplicability", decimal(clamp(0.03 + 0.04 * zone + 0.07 * random.nextGaussian(),
                    0.49), 4));
            published.put("aiApplicabilityRelease", "Working with AI 2025");
        }
        PublishedFacts figures = published.isEmpty() ? null : record(PublishedFacts.class, published);
        BigDecimal pay = figures == null || figures.medianWage() == null ? null : figures.medianWage();
        OccupationFacts facts = random.nextInt(20) == 0
                ? page("SOC", code, null, pay == null ? ALL_MEDIAN : pay, "USD", figures)
                : releasesOnly("SOC", code, null, figures);
        return new ScoringInput("soc-" + code, facts, 3, usStatus(figures, pay), "US",
                LocalDate.of(2026, 12, 1), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private ScoringInput anzsco(int n) {
        String code = "%06d".formatted(100_000 + n);
        int level = 1 + weighted(SKILL_LEVEL_SHARES);
        Integer skillLevel = level <= 5 ? Integer.valueOf(level) : null;
        PublishedFacts figures = skillLevel == null ? null
                : record(PublishedFacts.class, Map.of("medianWageAtLeast", false, "skillLevelRelease",
                "ANZSCO 1.2"));
        boolean page = random.nextInt(8) == 0;
        // Pay from 0.6x to 2.6x the median, so that every pay rule is met by some pages and not by others.
        BigDecimal pay = NZ_MEDIAN.perYear().multiply(BigDecimal.valueOf(60 + random.nextInt(200)))
                .movePointLeft(2).setScale(-3, RoundingMode.HALF_UP);
        OccupationFacts facts = page ? page("ANZSCO", code, skillLevel, pay, "NZD", figures)
                : releasesOnly("ANZSCO", code, skillLevel, figures);
        return new ScoringInput("anzsco-" + code, facts, 2, nzStatus(page ? pay : null), "NZ",
                LocalDate.of(2026, 3, 9), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** An occupation only the releases speak of: no salary band, no AI, education or qualification section. */
    private OccupationFacts releasesOnly(String codeSystem, String code, Integer skillLevel,
                                         PublishedFacts published) {
        String title = title();
        return new OccupationFacts(title + "(中文)", title, codeSystem, code, skillLevel, List.of(), null, null,
                null, 0, 0, List.of(), null, null, null, null, false, published);
    }

    /** An occupation with a career page as well: salary bands around {@code pay}, AI, education, qualifications. */
    private OccupationFacts page(String codeSystem, String code, Integer skillLevel, BigDecimal pay,
                                 String currency, PublishedFacts published) {
        List<SalaryBand> bands = List.of(band("junior", pay, "0.70", "0.85", currency),
                band("mid", pay, "0.90", "1.10", currency), band("senior", pay, "1.15", "1.50", currency));
        List<AiToolImpact> tools = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tools.add(new AiToolImpact("Tool " + random.nextInt(50), random.nextInt(3) == 0 ? "MAJOR" : "PARTIAL"));
        }
        List<String> required = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            required.add(pick(QUALIFICATIONS));
        }
        List<String> growth = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            growth.add(pick(FIELDS) + " growth");
        }
        String title = title();
        return new OccupationFacts(title + "(中文)", title, codeSystem, code, skillLevel, bands, pick(VERDICTS),
                random.nextInt(10) == 0 ? null : new BigDecimal(pick(YEARS)),
                random.nextInt(4) == 0 ? null : required, random.nextInt(8), random.nextInt(8), tools,
                random.nextBoolean(), growth.isEmpty() ? null : growth,
                random.nextInt(10) == 0 ? Integer.valueOf(random.nextInt(11)) : null,
                random.nextInt(10) == 0 ? Integer.valueOf(random.nextInt(11)) : null, false, published);
    }

    /** US routes from the entry education (else the job zone), as the immigration service reads them. */
    private ImmigrationStatus usStatus(PublishedFacts published, BigDecimal pay) {
        String education = published == null ? null : published.entryEducation();
        Integer zone = published == null ? null : published.jobZone();
        Map<String, Object> status = new HashMap<>();
        status.put("medianWage", US_MEDIAN);
        if (education == null && zone == null) {
            status.put("usRoutes", List.of("PERM"));
            status.put("usRoutesUnknown", List.of("H1B", "EB2"));
            return record(ImmigrationStatus.class, status);
        }
        int degree = education != null ? Arrays.asList(EDUCATION).indexOf(education) : zone >= 5 ? 6 : zone >= 4
                ? 5 : 0;
        List<String> routes = new ArrayList<>();
        if (degree >= 5) { // a bachelor's degree or more
            routes.add("H1B");
            double ratio = pay == null ? 1 : pay.doubleValue() / ALL_MEDIAN.doubleValue();
            status.put("h1bSelectionEntries", ratio >= 2 ? 4 : ratio >= 1.5 ? 3 : ratio >= 1.2 ? 2 : 1);
        }
        if (degree >= 6) { // a master's degree or more
            routes.add("EB2");
        }
        routes.add("PERM");
        status.put("usRoutes", routes);
        return record(ImmigrationStatus.class, status);
    }

    /** The Green List tier for some; the pay rules only where a page gives pay (else unknown: null). */
    private ImmigrationStatus nzStatus(BigDecimal pay) {
        int draw = random.nextInt(10);
        Integer tier = draw == 0 ? Integer.valueOf(1) : draw == 1 ? Integer.valueOf(2) : null;
        Map<String, Object> status = new HashMap<>();
        status.put("medianWage", NZ_MEDIAN);
        status.put("greenListTier", tier);
        if (pay != null) {
            double ratio = pay.doubleValue() / NZ_MEDIAN.perYear().doubleValue();
            status.put("greenListPayMet", tier == null ? null : ratio >= 1);
            status.put("smcEligible", ratio >= 1.5);
            status.put("smcIncomePoints", ratio >= 2 ? 6 : ratio >= 1.5 ? 4 : ratio >= 1.25 ? 3 : 0);
            status.put("aewvEligible", ratio >= 0.8);
            status.put("highlyPaidResidence", ratio >= 2);
        }
        return record(ImmigrationStatus.class, status);
    }

    private static SalaryBand band(String level, BigDecimal mid, String from, String to, String currency) {
        return new SalaryBand(level, mid.multiply(new BigDecimal(from)).setScale(0, RoundingMode.HALF_UP),
                mid.multiply(new BigDecimal(to)).setScale(0, RoundingMode.HALF_UP), currency, null);
    }

    private String title() {
        return pick(FIELDS) + " " + pick(ROLES);
    }

    /** An index drawn with the given shares. */
    private int weighted(int[] shares) {
        int draw = random.nextInt(Arrays.stream(shares).sum());
        for (int i = 0; ; i++) {
            draw -= shares[i];
            if (draw < 0) {
                return i;
            }
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * An event record built by component name, the others null (false for a boolean): the event records grow
     * within v1, and a call with twenty-odd arguments in a row would say nothing of which is which.
     */
    private static <T extends Record> T record(Class<T> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        values.keySet().stream().filter(name -> !names.contains(name)).findAny().ifPresent(name -> {
            throw new IllegalArgumentException(type.getSimpleName() + " has no " + name + ": " + names);
        });
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = types[i] == boolean.class ? Boolean.TRUE.equals(values.get(names.get(i)))
                    : values.get(names.get(i));
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
