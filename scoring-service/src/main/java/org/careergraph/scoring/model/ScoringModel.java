package org.careergraph.scoring.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
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
 * The scoring model as data: each dimension's parameters and the weights of the overall. docs/scoring.md writes out
 * what each parameter does; {@link #DEFAULT} is version 1. Every amount is 0-10 points (penalties are subtracted) and
 * every count 0-50, so that no model can push a score out of its range or divide by zero.
 */
@Serdeable
public record ScoringModel(
        Weights weights,
        Income income,
        DemandOutlook demandOutlook,
        PrFriendliness prFriendliness,
        AiRisk aiRisk,
        Competition competition,
        LearningDuration learningDuration,
        Certification certification,
        PrDifficulty prDifficulty) {

    public static final ScoringModel DEFAULT = new ScoringModel(
            new Weights(d("2"), d("1.5"), d("1.5"), d("2"), d("1"), d("1"), d("1"), d("1.5")),
            new Income(d("5")),
            new DemandOutlook(d("5"), d("0.5"), 4, d("1")),
            new PrFriendliness(d("10"), d("8"), d("2"), d("3"), d("6"), d("6"), d("4")),
            new AiRisk(d("8"), d("6"), d("3"), d("5"), d("1.5"), d("0.6"), d("0.2"), d("2.5")),
            new Competition(d("5"), d("0.5"), 4, d("1"), d("0.5")),
            new LearningDuration(d("1.25")),
            new Certification(d("2.5")),
            new PrDifficulty(d("10"), d("8"), d("7"), d("5"), d("2"), d("3.5"), d("1"), d("3"), d("1"), d("2"),
                    d("1")));

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

    /** income = pointsAtMedian x mid-level pay / the country's median wage a year. */
    @Serdeable
    public record Income(BigDecimal pointsAtMedian) {
    }

    /** Without an editorial rating: base + perGrowthArea x (growth areas, at most growthAreasCounted) + skilledMigration. */
    @Serdeable
    public record DemandOutlook(BigDecimal base, BigDecimal perGrowthArea, Integer growthAreasCounted,
                                BigDecimal skilledMigration) {
    }

    /** Points by Green List tier (less payThresholdNotMet when the pay falls short), else by route. */
    @Serdeable
    public record PrFriendliness(BigDecimal tier1, BigDecimal tier2, BigDecimal payThresholdNotMet,
                                 BigDecimal offList, BigDecimal highlyPaidRoute, BigDecimal usEb2,
                                 BigDecimal usWithoutEb2) {
    }

    /** verdict points + taskBalance x (augmented - taken over) / (augmented + taken over) - tool penalty (capped). */
    @Serdeable
    public record AiRisk(BigDecimal amplifiedByAi, BigDecimal mixed, BigDecimal compressedByAutomation,
                         BigDecimal unknownVerdict, BigDecimal taskBalance, BigDecimal perMajorTool,
                         BigDecimal perPartialTool, BigDecimal toolPenaltyCap) {
    }

    /** Without an editorial rating: base + perRequiredQualification x (at most requiredCounted) +- the AI verdict. */
    @Serdeable
    public record Competition(BigDecimal base, BigDecimal perRequiredQualification, Integer requiredCounted,
                              BigDecimal compressedByAutomationPenalty, BigDecimal amplifiedByAi) {
    }

    /** 10 - perYear x years of the shortest education path. */
    @Serdeable
    public record LearningDuration(BigDecimal perYear) {
    }

    /** 10 - perRequiredQualification x required qualifications. */
    @Serdeable
    public record Certification(BigDecimal perRequiredQualification) {
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
     * Every parameter by its JSON path ("/weights/income"), amounts without trailing zeros: two models are the same
     * model when these are equal.
     */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        flatten(this, "", parameters);
        return parameters;
    }

    private static void flatten(@Nullable Object value, String path, Map<String, Object> into) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                flatten(read(component, record), path + "/" + component.getName(), into);
            }
        } else {
            into.put(path, value instanceof BigDecimal amount
                    ? new BigDecimal(amount.stripTrailingZeros().toPlainString()) : value);
        }
    }

    /** What is wrong with this model, field by field under {@code prefix}: missing, out of range, all weights 0. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        parameters().forEach((path, value) -> problem(value).ifPresent(message ->
                errors.add(new FieldError(prefix + path.replace('/', '.'), message))));
        if (weights != null && errors.stream().noneMatch(e -> e.field().startsWith(prefix + ".weights"))
                && List.of(Dimension.values()).stream().allMatch(d -> weights.of(d).signum() == 0)) {
            errors.add(new FieldError(prefix + ".weights", "at least one weight must be above 0"));
        }
        return errors;
    }

    /** A missing part (a whole record or one number) is named where it is missing. */
    private static Optional<String> problem(@Nullable Object value) {
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
