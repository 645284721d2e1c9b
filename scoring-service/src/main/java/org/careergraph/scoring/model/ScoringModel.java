package org.careergraph.scoring.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careergraph.platform.web.Problem.FieldError;

/**
 * The scoring model as data: which rules ({@code formula}) and each dimension's parameters and the weights of the
 * overall. docs/scoring.md writes out what each parameter does. Formula 1 ({@link #MODEL_1}) reads the page's words;
 * formula 2 ({@link #MODEL_2}) works from the official releases' figures first and adds the parameters marked
 * {@link SinceFormula2}, which formula 1 neither reads nor lists. Every amount is 0-10 points (penalties are
 * subtracted) and every count 0-50, so that no model can push a score out of its range or divide by zero.
 *
 * @param formula the rules the parameters feed, 1 or 2; absent (as in models stored before formula 2) means 1
 */
@Serdeable
public record ScoringModel(
        @Nullable Integer formula,
        Weights weights,
        Income income,
        DemandOutlook demandOutlook,
        PrFriendliness prFriendliness,
        AiRisk aiRisk,
        Competition competition,
        LearningDuration learningDuration,
        Certification certification,
        PrDifficulty prDifficulty) {

    /** Formula 1 as the service first shipped it: scores from the page's words. */
    public static final ScoringModel MODEL_1 = new ScoringModel(null,
            new Weights(d("2"), d("1.5"), d("1.5"), d("2"), d("1"), d("1"), d("1"), d("1.5")),
            new Income(d("5"), null),
            new DemandOutlook(d("5"), d("0.5"), 4, d("1"), null, null),
            new PrFriendliness(d("10"), d("8"), d("2"), d("3"), d("6"), d("6"), d("4")),
            new AiRisk(d("8"), d("6"), d("3"), d("5"), d("1.5"), d("0.6"), d("0.2"), d("2.5"), null, null, null,
                    null, null),
            new Competition(d("5"), d("0.5"), 4, d("1"), d("0.5")),
            new LearningDuration(d("1.25")),
            new Certification(d("2.5"), null, null, null, null, null),
            new PrDifficulty(d("10"), d("8"), d("7"), d("5"), d("2"), d("3.5"), d("1"), d("3"), d("1"), d("2"),
                    d("1")));

    /** Formula 2 as the service ships it: scores from the official releases' figures, the page where they fall short. */
    public static final ScoringModel MODEL_2 = new ScoringModel(2,
            MODEL_1.weights,
            new Income(d("5"), d("2.5")),
            new DemandOutlook(d("5"), d("0.5"), 4, d("1"), d("0.15"), d("0.1")),
            MODEL_1.prFriendliness,
            new AiRisk(d("8"), d("6"), d("3"), d("5"), d("1.5"), d("0.6"), d("0.2"), d("2.5"), d("10"), d("8"),
                    d("2"), d("2"), d("1")),
            MODEL_1.competition,
            MODEL_1.learningDuration,
            new Certification(d("2.5"), d("0.5"), d("1"), d("2"), d("3"), d("3")),
            MODEL_1.prDifficulty);

    public ScoringModel(Weights weights, Income income, DemandOutlook demandOutlook, PrFriendliness prFriendliness,
                        AiRisk aiRisk, Competition competition, LearningDuration learningDuration,
                        Certification certification, PrDifficulty prDifficulty) {
        this(null, weights, income, demandOutlook, prFriendliness, aiRisk, competition, learningDuration,
                certification, prDifficulty);
    }

    /** The rules in force: 1 unless the model says 2. */
    public int rules() {
        return formula == null ? 1 : formula;
    }

    /** A parameter only formula 2 reads: absent from a formula-1 model, required in a formula-2 one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface SinceFormula2 {
    }

    /** Weight of each dimension in the overall, the mean of the rated dimensions weighted by these. */
    @Serdeable
    public record Weights(BigDecimal income, BigDecimal demandOutlook, BigDecimal prFriendliness, BigDecimal aiRisk,
                          BigDecimal competition, BigDecimal learningDuration, BigDecimal certification,
                          BigDecimal prDifficulty) {

        public BigDecimal of(Dimension dimension) {
            return switch (dimension) {
                case INCOME -> income;
                case DEMAND_OUTLOOK -> demandOutlook;
                case PR_FRIENDLINESS -> prFriendliness;
                case AI_RISK -> aiRisk;
                case COMPETITION -> competition;
                case LEARNING_DURATION -> learningDuration;
                case CERTIFICATION -> certification;
                case PR_DIFFICULTY -> prDifficulty;
            };
        }
    }

    /**
     * Formula 1: pointsAtMedian x mid-level pay / the country's median wage a year. Formula 2: pointsAtMedian +
     * perDoubling x log2(median wage / the country's median), so that each doubling of pay counts the same.
     */
    @Serdeable
    public record Income(BigDecimal pointsAtMedian, @SinceFormula2 @Nullable BigDecimal perDoubling) {
    }

    /**
     * Without an editorial rating: base + perGrowthArea x (growth areas, at most growthAreasCounted) +
     * skilledMigration. Formula 2, where BLS projects the occupation: base + perPointOfChange x (its projected change
     * - all occupations', percentage points) + perPointOfOpenings x (its openings a year per 100 jobs - all
     * occupations').
     */
    @Serdeable
    public record DemandOutlook(BigDecimal base, BigDecimal perGrowthArea, Integer growthAreasCounted,
                                BigDecimal skilledMigration, @SinceFormula2 @Nullable BigDecimal perPointOfChange,
                                @SinceFormula2 @Nullable BigDecimal perPointOfOpenings) {
    }

    /** Points by Green List tier (less payThresholdNotMet when the pay falls short), else by route. */
    @Serdeable
    public record PrFriendliness(BigDecimal tier1, BigDecimal tier2, BigDecimal payThresholdNotMet,
                                 BigDecimal offList, BigDecimal highlyPaidRoute, BigDecimal usEb2,
                                 BigDecimal usWithoutEb2) {
    }

    /**
     * The page's points: verdict points + taskBalance x (augmented - taken over) / (augmented + taken over) - tool
     * penalty (capped). Formula 2 adds the research's points, withoutExposure - perExposure x the mean of the
     * exposure figures held (GPT-4 and human-rated beta, applicabilityScale x the AI applicability score, at most 1),
     * and weighs the two by researchWeight and pageWeight where both exist.
     */
    @Serdeable
    public record AiRisk(BigDecimal amplifiedByAi, BigDecimal mixed, BigDecimal compressedByAutomation,
                         BigDecimal unknownVerdict, BigDecimal taskBalance, BigDecimal perMajorTool,
                         BigDecimal perPartialTool, BigDecimal toolPenaltyCap,
                         @SinceFormula2 @Nullable BigDecimal withoutExposure,
                         @SinceFormula2 @Nullable BigDecimal perExposure,
                         @SinceFormula2 @Nullable BigDecimal applicabilityScale,
                         @SinceFormula2 @Nullable BigDecimal researchWeight,
                         @SinceFormula2 @Nullable BigDecimal pageWeight) {
    }

    /** Without an editorial rating: base + perRequiredQualification x (at most requiredCounted) +- the AI verdict. */
    @Serdeable
    public record Competition(BigDecimal base, BigDecimal perRequiredQualification, Integer requiredCounted,
                              BigDecimal compressedByAutomationPenalty, BigDecimal amplifiedByAi) {
    }

    /**
     * 10 - perYear x years of learning: formula 1 the page's shortest education path; formula 2 the mean of the
     * estimates held (BLS typical entry education, O*NET job zone, ANZSCO skill level, the page's shortest path).
     */
    @Serdeable
    public record LearningDuration(BigDecimal perYear) {
    }

    /**
     * 10 - perRequiredQualification x required qualifications; formula 2 also subtracts the points of BLS's typical
     * on-the-job training (none 0).
     */
    @Serdeable
    public record Certification(BigDecimal perRequiredQualification,
                                @SinceFormula2 @Nullable BigDecimal shortTermTraining,
                                @SinceFormula2 @Nullable BigDecimal moderateTermTraining,
                                @SinceFormula2 @Nullable BigDecimal longTermTraining,
                                @SinceFormula2 @Nullable BigDecimal apprenticeship,
                                @SinceFormula2 @Nullable BigDecimal internshipOrResidency) {
    }

    /**
     * New Zealand: points by the SMC income points the pay earns (or, earning none, by the SMC wage rule), + aewv when
     * the AEWV wage rule is met. US: usH1bBase + usPerH1bEntry x selection entries when H-1B is open (else usNoH1b),
     * + usEb2 when EB-2 is open.
     */
    @Serdeable
    public record PrDifficulty(BigDecimal smcPoints6, BigDecimal smcPoints4, BigDecimal smcPoints3,
                               BigDecimal smcWageRuleMet, BigDecimal smcWageRuleNotMet, BigDecimal smcWageRuleUnknown,
                               BigDecimal aewv, BigDecimal usH1bBase, BigDecimal usPerH1bEntry, BigDecimal usNoH1b,
                               BigDecimal usEb2) {
    }

    /**
     * Every parameter its formula reads, by its JSON path ("/weights/income"), amounts without trailing zeros: two
     * models are the same model when these are equal. The formula is "/formula".
     */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(FORMULA, rules());
        for (RecordComponent component : getClass().getRecordComponents()) {
            if (!component.getName().equals("formula")) {
                flatten(read(component, this), "/" + component.getName(), parameters);
            }
        }
        return parameters;
    }

    static final String FORMULA = "/formula";

    private void flatten(@Nullable Object value, String path, Map<String, Object> into) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (rules() >= 2 || !component.isAnnotationPresent(SinceFormula2.class)) {
                    flatten(read(component, record), path + "/" + component.getName(), into);
                }
            }
        } else {
            into.put(path, value instanceof BigDecimal amount
                    ? new BigDecimal(amount.stripTrailingZeros().toPlainString()) : value);
        }
    }

    /** What is wrong with this model, field by field under {@code prefix}: missing, out of range, all weights 0. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        parameters().forEach((path, value) -> problem(path, value).ifPresent(message ->
                errors.add(new FieldError(prefix + path.replace('/', '.'), message))));
        if (weights != null && errors.stream().noneMatch(e -> e.field().startsWith(prefix + ".weights"))
                && List.of(Dimension.values()).stream().allMatch(d -> weights.of(d).signum() == 0)) {
            errors.add(new FieldError(prefix + ".weights", "at least one weight must be above 0"));
        }
        return errors;
    }

    /** A missing part (a whole record or one number) is named where it is missing. */
    private static Optional<String> problem(String path, @Nullable Object value) {
        if (path.equals(FORMULA)) {
            return value.equals(1) || value.equals(2) ? Optional.empty() : Optional.of("must be 1 or 2");
        }
        if (value == null) {
            return Optional.of("must be given");
        }
        if (value instanceof BigDecimal amount) {
            return amount.signum() < 0 || amount.compareTo(BigDecimal.TEN) > 0 ? Optional.of("must be from 0 to 10")
                    : amount.scale() > 3 ? Optional.of("must have at most three decimals") : Optional.empty();
        }
        int count = (Integer) value;
        return count < 0 || count > 50 ? Optional.of("must be a whole number from 0 to 50") : Optional.empty();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
