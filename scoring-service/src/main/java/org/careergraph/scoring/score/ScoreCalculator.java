package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.SalaryBand;
import org.careergraph.events.Score;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.model.Dimension;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.Explanation.DimensionExplanation;
import org.careergraph.scoring.score.Explanation.InputUsed;
import org.careergraph.scoring.score.Explanation.Source;

/**
 * Rates one occupation under one model: each dimension a function of its inputs (docs/scoring.md writes each out;
 * formula 2's rules that differ from formula 1's are in {@link Formula2}),
 * rounded to one decimal within 0-10, and the overall their weighted mean. Pure: the same inputs under the same model
 * always give the same score and the same explanation.
 */
public final class ScoreCalculator {

    private ScoreCalculator() {
    }

    /** A score and how it was reached; no score when no dimension could be rated (each explanation says why). */
    public record Result(@Nullable Score score, Explanation explanation) {
    }

    /** @param input inputs whose facts are known */
    public static Result score(ScoringInput input, ScoringModel model, String modelVersion) {
        Reading reading = new Reading(input);
        List<DimensionExplanation> explained = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            boolean figures = model.rules() >= 2;
            Rated rated = switch (dimension) {
                case INCOME -> figures ? Formula2.income(reading, model.income()) : income(reading, model.income());
                case DEMAND_OUTLOOK -> figures ? Formula2.demandOutlook(reading, model.demandOutlook())
                        : demandOutlook(reading, model.demandOutlook());
                case PR_FRIENDLINESS -> prFriendliness(reading, model.prFriendliness());
                case AI_RISK -> figures ? Formula2.aiRisk(reading, model.aiRisk()) : aiRisk(reading, model.aiRisk());
                case COMPETITION -> competition(reading, model.competition());
                case LEARNING_DURATION -> figures ? Formula2.learningDuration(reading, model.learningDuration())
                        : learningDuration(reading, model.learningDuration());
                case CERTIFICATION -> figures ? Formula2.certification(reading, model.certification())
                        : certification(reading, model.certification());
                case PR_DIFFICULTY -> figures ? Formula2.prDifficulty(reading, model.prDifficulty())
                        : prDifficulty(reading, model.prDifficulty());
            };
            explained.add(new DimensionExplanation(dimension.key(), rated.value, model.weights().of(dimension),
                    rated.rule, rated.inputs));
        }
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        explained.stream().filter(d -> d.value() != null).forEach(d -> dimensions.put(d.dimension(), d.value()));
        List<DimensionExplanation> weighted = explained.stream()
                .filter(d -> d.value() != null && d.weight().signum() > 0).toList();
        if (dimensions.isEmpty()) {
            return new Result(null, new Explanation(modelVersion, explained, "not rated: no dimension is rated"));
        }
        BigDecimal overall;
        String overallRule;
        if (weighted.isEmpty()) {
            // Only dimensions of weight 0 are rated: fall back to their plain mean rather than to no score.
            BigDecimal sum = dimensions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(dimensions.size()), 4, RoundingMode.HALF_UP);
            overall = round(mean);
            overallRule = "no dimension with a weight above 0 is rated: plain mean of " + dimensions.values().stream()
                    .map(ScoreCalculator::num).toList() + " = " + num(mean) + " -> " + overall;
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            List<String> terms = new ArrayList<>();
            for (DimensionExplanation d : weighted) {
                sum = sum.add(d.weight().multiply(d.value()));
                weights = weights.add(d.weight());
                terms.add(num(d.weight()) + " x " + num(d.value()));
            }
            BigDecimal mean = sum.divide(weights, 4, RoundingMode.HALF_UP);
            overall = round(mean);
            overallRule = "(" + String.join(" + ", terms) + ") / " + num(weights) + " = " + num(sum) + " / "
                    + num(weights) + " = " + num(mean) + " -> " + overall;
        }
        return new Result(new Score(overall, dimensions), new Explanation(modelVersion, explained, overallRule));
    }

    // The dimensions -----------------------------------------------------------------------------------------------

    static Rated income(Reading in, ScoringModel.Income p) {
        PagePay pay = pagePay(in);
        if (pay.gap() != null) {
            return Rated.not("not rated: " + pay.gap(), pay.inputs());
        }
        BigDecimal raw = p.pointsAtMedian().multiply(pay.pay()).divide(pay.median(), 4, RoundingMode.HALF_UP);
        return Rated.of(raw, num(p.pointsAtMedian()) + " x pay / median = " + num(p.pointsAtMedian()) + " x "
                + plainMoney(pay.pay()) + " / " + plainMoney(pay.median()) + " = " + num(raw), pay.inputs());
    }

    /**
     * The page's mid-level pay and the country's median wage a year as the status gives it, with the inputs read;
     * {@code gap} says why the two cannot be set against each other (null when they can).
     */
    record PagePay(@Nullable BigDecimal pay, @Nullable BigDecimal median, List<InputUsed> inputs, @Nullable String gap) {
    }

    static PagePay pagePay(Reading in) {
        SalaryBand band = in.facts.midLevelBand();
        ImmigrationStatus.MedianWage median = in.status == null ? null : in.status.medianWage();
        List<InputUsed> inputs = new ArrayList<>();
        if (band != null) {
            inputs.add(new InputUsed("mid-level pay", money(band.midpoint(), band.currency()), Source.DERIVED,
                    in.factsFrom + ": midpoint of the " + band.level() + " band " + money(band.min(), band.currency())
                            + " - " + money(band.max(), band.currency())));
        }
        if (median != null) {
            inputs.add(new InputUsed("median wage a year", money(median.perYear(), median.currency()), Source.DERIVED,
                    in.statusFrom));
        }
        String gap = band == null ? "the page gives no salary band"
                : median == null ? "no median wage is known for the occupation's country"
                : !median.currency().equals(band.currency())
                ? "the pay is in " + band.currency() + ", the median in " + median.currency() : null;
        return new PagePay(band == null ? null : band.midpoint(), median == null ? null : median.perYear(),
                List.copyOf(inputs), gap);
    }

    static Rated demandOutlook(Reading in, ScoringModel.DemandOutlook p) {
        if (in.facts.demandOutlook() != null) {
            return editorial("demand outlook", in.facts.demandOutlook(), in);
        }
        List<String> areas = in.facts.growthAreas() == null ? List.of() : in.facts.growthAreas();
        int counted = Math.min(areas.size(), p.growthAreasCounted());
        boolean skilled = Boolean.TRUE.equals(in.facts.skilledMigration());
        BigDecimal raw = p.base().add(p.perGrowthArea().multiply(BigDecimal.valueOf(counted)))
                .add(skilled ? p.skilledMigration() : BigDecimal.ZERO);
        return Rated.of(raw, "no editorial rating: " + num(p.base()) + " + " + num(p.perGrowthArea()) + " x "
                        + counted + " growth areas (at most " + p.growthAreasCounted() + ") + "
                        + (skilled ? num(p.skilledMigration()) + " (skilled migration occupation)"
                        : "0 (not marked a skilled migration occupation)") + " = " + num(raw),
                List.of(new InputUsed("growth areas", areas.size() + (areas.isEmpty() ? "" : ": "
                                + String.join(", ", areas)), Source.IMPORTED, in.factsFrom),
                        new InputUsed("skilled migration occupation", yesNo(in.facts.skilledMigration()),
                                Source.IMPORTED, in.factsFrom)));
    }

    private static Rated prFriendliness(Reading in, ScoringModel.PrFriendliness p) {
        if (in.status == null) {
            return Rated.not("not rated: no immigration status is known for the occupation", List.of());
        }
        ImmigrationStatus s = in.status;
        if ("US".equals(in.country)) {
            if (unknown(s, "EB2")) {
                return Rated.not("not rated: whether EB-2 is open is not known (no entry education or job zone is "
                        + "published for the occupation)", List.of(status("US routes not known", "EB2", in)));
            }
            boolean eb2 = s.usRoutes() != null && s.usRoutes().contains("EB2");
            BigDecimal raw = eb2 ? p.usEb2() : p.usWithoutEb2();
            return Rated.of(raw, eb2 ? "EB-2 is open: " + num(raw) : "EB-2 is not open: " + num(raw),
                    List.of(status("US routes", String.valueOf(s.usRoutes()), in)));
        }
        if (!"NZ".equals(in.country)) {
            return Rated.not("not rated: no rules are kept for " + in.country, List.of());
        }
        List<InputUsed> inputs = new ArrayList<>();
        inputs.add(status("Green List tier", s.greenListTier() == null ? "not listed" : "Tier " + s.greenListTier(),
                in));
        Integer tier = s.greenListTier();
        if (tier != null) {
            inputs.add(status("Green List pay threshold met", yesNo(s.greenListPayMet()), in));
            BigDecimal base = tier == 1 ? p.tier1() : p.tier2();
            if (Boolean.FALSE.equals(s.greenListPayMet())) {
                BigDecimal raw = base.subtract(p.payThresholdNotMet());
                return Rated.of(raw, "Green List Tier " + tier + " " + num(base) + " - " + num(p.payThresholdNotMet())
                        + " (mid-level pay below the role's threshold) = " + num(raw), inputs);
            }
            return Rated.of(base, "Green List Tier " + tier + ": " + num(base), inputs);
        }
        inputs.add(status("highly paid Work to Residence open", yesNo(s.highlyPaidResidence()), in));
        if (Boolean.TRUE.equals(s.highlyPaidResidence())) {
            BigDecimal raw = p.offList().max(p.highlyPaidRoute());
            return Rated.of(raw, "not on the Green List, highly paid route open: max(" + num(p.offList()) + ", "
                    + num(p.highlyPaidRoute()) + ") = " + num(raw), inputs);
        }
        return Rated.of(p.offList(), "not on the Green List: " + num(p.offList()), inputs);
    }

    static Rated aiRisk(Reading in, ScoringModel.AiRisk p) {
        OccupationFacts f = in.facts;
        List<OccupationFacts.AiToolImpact> tools = f.aiTools() == null ? List.of() : f.aiTools();
        int takenOver = f.tasksTakenOver() == null ? 0 : f.tasksTakenOver();
        int augmented = f.tasksAugmented() == null ? 0 : f.tasksAugmented();
        if (f.aiVerdict() == null && tools.isEmpty() && takenOver + augmented == 0) {
            return Rated.not("not rated: the page says nothing about AI", List.of());
        }
        BigDecimal base = switch (f.aiVerdict() == null ? "" : f.aiVerdict()) {
            case "AMPLIFIED_BY_AI" -> p.amplifiedByAi();
            case "MIXED" -> p.mixed();
            case "COMPRESSED_BY_AUTOMATION" -> p.compressedByAutomation();
            default -> p.unknownVerdict();
        };
        BigDecimal balance = takenOver + augmented == 0 ? BigDecimal.ZERO : p.taskBalance()
                .multiply(BigDecimal.valueOf(augmented - takenOver))
                .divide(BigDecimal.valueOf(augmented + takenOver), 4, RoundingMode.HALF_UP);
        long major = tools.stream().filter(t -> "MAJOR".equals(t.impact())).count();
        long partial = tools.size() - major;
        BigDecimal toolPenalty = p.perMajorTool().multiply(BigDecimal.valueOf(major))
                .add(p.perPartialTool().multiply(BigDecimal.valueOf(partial))).min(p.toolPenaltyCap());
        BigDecimal raw = base.add(balance).subtract(toolPenalty);
        String verdict = f.aiVerdict() == null ? "no verdict" : f.aiVerdict();
        return Rated.of(raw, num(base) + " (" + verdict + ") + " + num(p.taskBalance()) + " x (" + augmented + " - "
                        + takenOver + ") / (" + augmented + " + " + takenOver + ") - min(" + num(p.toolPenaltyCap())
                        + ", " + num(p.perMajorTool()) + " x " + major + " major + " + num(p.perPartialTool()) + " x "
                        + partial + " partial tools) = " + num(base) + (balance.signum() < 0 ? " - " : " + ")
                        + num(balance.abs()) + " - " + num(toolPenalty) + " = " + num(raw),
                List.of(new InputUsed("AI verdict", verdict, Source.IMPORTED, in.factsFrom),
                        new InputUsed("tasks AI takes over", String.valueOf(takenOver), Source.IMPORTED,
                                in.factsFrom),
                        new InputUsed("tasks AI augments", String.valueOf(augmented), Source.IMPORTED, in.factsFrom),
                        new InputUsed("AI tools already replacing parts of the job", major + " major, " + partial
                                + " partial (a tool without an impact counts as partial)", Source.IMPORTED,
                                in.factsFrom)));
    }

    private static Rated competition(Reading in, ScoringModel.Competition p) {
        if (in.facts.competition() != null) {
            return editorial("competition", in.facts.competition(), in);
        }
        if (in.facts.requiredQualifications() == null) {
            return Rated.not("not rated: no editorial rating and no qualification section", List.of());
        }
        int required = in.facts.requiredQualifications().size();
        int counted = Math.min(required, p.requiredCounted());
        String verdict = in.facts.aiVerdict();
        BigDecimal ai = "COMPRESSED_BY_AUTOMATION".equals(verdict) ? p.compressedByAutomationPenalty().negate()
                : "AMPLIFIED_BY_AI".equals(verdict) ? p.amplifiedByAi() : BigDecimal.ZERO;
        BigDecimal raw = p.base().add(p.perRequiredQualification().multiply(BigDecimal.valueOf(counted))).add(ai);
        return Rated.of(raw, "no editorial rating: " + num(p.base()) + " + " + num(p.perRequiredQualification())
                        + " x " + counted + " required qualifications (at most " + p.requiredCounted() + ") "
                        + (ai.signum() < 0 ? "- " + num(ai.negate()) : "+ " + num(ai)) + " (AI verdict "
                        + (verdict == null ? "none" : verdict) + ") = " + num(raw),
                List.of(new InputUsed("required qualifications", qualifications(in.facts), Source.IMPORTED,
                                in.factsFrom),
                        new InputUsed("AI verdict", verdict == null ? "none" : verdict, Source.IMPORTED,
                                in.factsFrom)));
    }

    static Rated learningDuration(Reading in, ScoringModel.LearningDuration p) {
        BigDecimal years = in.facts.shortestEducationYears();
        if (years == null) {
            return Rated.not("not rated: the page gives no education path with a duration", List.of());
        }
        BigDecimal raw = BigDecimal.TEN.subtract(p.perYear().multiply(years));
        String duration = num(years) + (years.compareTo(BigDecimal.ONE) == 0 ? " year" : " years");
        return Rated.of(raw, "10 - " + num(p.perYear()) + " x " + duration + " = " + num(raw),
                List.of(new InputUsed("shortest education path", duration, Source.DERIVED,
                        in.factsFrom + ": the shortest of the page's education paths")));
    }

    static Rated certification(Reading in, ScoringModel.Certification p) {
        if (in.facts.requiredQualifications() == null) {
            return Rated.not("not rated: the page has no qualification section", List.of());
        }
        int required = in.facts.requiredQualifications().size();
        BigDecimal raw = BigDecimal.TEN.subtract(p.perRequiredQualification().multiply(BigDecimal.valueOf(required)));
        return Rated.of(raw, "10 - " + num(p.perRequiredQualification()) + " x " + required
                        + " required qualifications = " + num(raw),
                List.of(new InputUsed("required qualifications", qualifications(in.facts), Source.IMPORTED,
                        in.factsFrom)));
    }

    static Rated prDifficulty(Reading in, ScoringModel.PrDifficulty p) {
        if (in.status == null) {
            return Rated.not("not rated: no immigration status is known for the occupation", List.of());
        }
        ImmigrationStatus s = in.status;
        if ("US".equals(in.country)) {
            if (unknown(s, "H1B") || unknown(s, "EB2")) {
                return Rated.not("not rated: whether H-1B and EB-2 are open is not known (no entry education or job "
                        + "zone is published for the occupation)", List.of(status("US routes not known",
                        String.valueOf(s.usRoutesUnknown()), in)));
            }
            List<String> routes = s.usRoutes() == null ? List.of() : s.usRoutes();
            boolean h1b = routes.contains("H1B");
            int entries = s.h1bSelectionEntries() == null ? 1 : s.h1bSelectionEntries();
            BigDecimal visa = h1b ? p.usH1bBase().add(p.usPerH1bEntry().multiply(BigDecimal.valueOf(entries)))
                    : p.usNoH1b();
            boolean eb2 = routes.contains("EB2");
            BigDecimal raw = visa.add(eb2 ? p.usEb2() : BigDecimal.ZERO);
            return Rated.of(raw, (h1b ? "H-1B open: " + num(p.usH1bBase()) + " + " + num(p.usPerH1bEntry()) + " x "
                            + entries + " selection entries" : "H-1B not open: " + num(p.usNoH1b()))
                            + (eb2 ? " + " + num(p.usEb2()) + " (EB-2 open)" : " + 0 (EB-2 not open)") + " = "
                            + num(raw),
                    List.of(status("US routes", routes.toString(), in),
                            status("H-1B selection entries", s.h1bSelectionEntries() == null ? "not known (taken as 1)"
                                    : String.valueOf(s.h1bSelectionEntries()), in)));
        }
        if (!"NZ".equals(in.country)) {
            return Rated.not("not rated: no rules are kept for " + in.country, List.of());
        }
        Integer points = s.smcIncomePoints();
        BigDecimal smc;
        String smcRule;
        if (points != null && points >= 6) {
            smc = p.smcPoints6();
            smcRule = "the pay earns " + points + " SMC income points: " + num(smc);
        } else if (points != null && points >= 4) {
            smc = p.smcPoints4();
            smcRule = "the pay earns " + points + " SMC income points: " + num(smc);
        } else if (points != null && points >= 3) {
            smc = p.smcPoints3();
            smcRule = "the pay earns " + points + " SMC income points: " + num(smc);
        } else {
            smc = s.smcEligible() == null ? p.smcWageRuleUnknown()
                    : s.smcEligible() ? p.smcWageRuleMet() : p.smcWageRuleNotMet();
            smcRule = "no SMC income points, SMC wage rule " + (s.smcEligible() == null ? "unknown"
                    : s.smcEligible() ? "met" : "not met") + ": " + num(smc);
        }
        boolean aewv = Boolean.TRUE.equals(s.aewvEligible());
        BigDecimal raw = smc.add(aewv ? p.aewv() : BigDecimal.ZERO);
        return Rated.of(raw, smcRule + (aewv ? " + " + num(p.aewv()) + " (AEWV wage rule met)"
                        : " + 0 (AEWV wage rule " + (s.aewvEligible() == null ? "unknown)" : "not met)")) + " = "
                        + num(raw),
                List.of(status("SMC income points", points == null ? "unknown" : String.valueOf(points), in),
                        status("SMC wage rule met", yesNo(s.smcEligible()), in),
                        status("AEWV wage rule met", yesNo(s.aewvEligible()), in)));
    }

    // Helpers -------------------------------------------------------------------------------------------------------

    /** The status cannot tell whether the route is open (not that it is closed). */
    private static boolean unknown(ImmigrationStatus status, String route) {
        return status.usRoutesUnknown() != null && status.usRoutesUnknown().contains(route);
    }

    static Rated editorial(String name, int rating, Reading in) {
        BigDecimal value = BigDecimal.valueOf(rating);
        return Rated.of(value, "the editorial rating: " + num(value),
                List.of(new InputUsed("editorial " + name, String.valueOf(rating), Source.EDITORIAL, in.factsFrom)));
    }

    static InputUsed status(String name, String value, Reading in) {
        return new InputUsed(name, value, Source.DERIVED, in.statusFrom);
    }

    static String qualifications(OccupationFacts facts) {
        List<String> required = facts.requiredQualifications();
        return required.size() + (required.isEmpty() ? "" : ": " + String.join(", ", required));
    }

    static String yesNo(@Nullable Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    static String money(BigDecimal amount, String currency) {
        return currency + " " + plainMoney(amount);
    }

    static String plainMoney(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    static String num(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Within 0-10, one decimal, half up. */
    static BigDecimal round(BigDecimal raw) {
        return raw.max(BigDecimal.ZERO).min(BigDecimal.TEN).setScale(1, RoundingMode.HALF_UP);
    }

    /** The inputs, and where they came from in words. */
    static final class Reading {

        final OccupationFacts facts;
        final @Nullable Integer revision;
        final String factsFrom;
        final @Nullable ImmigrationStatus status;
        final @Nullable String country;
        final String statusFrom;

        Reading(ScoringInput input) {
            this.facts = input.facts();
            this.revision = input.revision();
            this.factsFrom = "catalog revision " + input.revision();
            this.status = input.status();
            this.country = input.statusCountry();
            this.statusFrom = input.status() == null ? "" : "immigration status (" + input.statusCountry()
                    + ") from " + input.statusFrom() + ", derived from the rules in force";
        }
    }

    /** A dimension's raw value (null: not rated), its rule with the numbers filled in, and the inputs it read. */
    record Rated(@Nullable BigDecimal value, String rule, List<InputUsed> inputs) {

        static Rated of(BigDecimal raw, String rule, List<InputUsed> inputs) {
            BigDecimal value = round(raw);
            return new Rated(value, rule + " -> " + value, List.copyOf(inputs));
        }

        static Rated not(String why, List<InputUsed> inputs) {
            return new Rated(null, why, List.copyOf(inputs));
        }
    }
}
