package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.PublishedFacts;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.Explanation.InputUsed;
import org.careergraph.scoring.score.Explanation.Source;
import org.careergraph.scoring.score.ScoreCalculator.Rated;
import org.careergraph.scoring.score.ScoreCalculator.Reading;

/**
 * The rules of formula 2 that differ from formula 1: income, demand outlook, AI risk, learning duration and
 * certification worked out from the official releases' figures (each input names its release), falling back to the
 * page's words where a figure is missing and saying so. Competition and the two PR dimensions are formula 1's.
 */
final class Formula2 {

    static final String GPTS_ARE_GPTS = "Eloundou, Manning, Mishkin, Rock, \"GPTs are GPTs\" (Science, 2024)";
    static final String WORKING_WITH_AI = "Tomlinson, Jaffe, Wang, Counts, Suri, \"Working with AI\" "
            + "(2025, arXiv:2507.07935)";

    /** Years of learning a BLS typical-entry-education category stands for (beyond compulsory school). */
    static final Map<String, BigDecimal> ENTRY_EDUCATION_YEARS = Map.of(
            "No formal educational credential", BigDecimal.ZERO,
            "High school diploma or equivalent", BigDecimal.ZERO,
            "Postsecondary nondegree award", BigDecimal.ONE,
            "Some college, no degree", BigDecimal.ONE,
            "Associate's degree", BigDecimal.valueOf(2),
            "Bachelor's degree", BigDecimal.valueOf(4),
            "Master's degree", BigDecimal.valueOf(6),
            "Doctoral or professional degree", BigDecimal.valueOf(8));

    /** O*NET job zones 1-5 as years of preparation: none, some (0.5), associate's, bachelor's, graduate school. */
    static final List<BigDecimal> JOB_ZONE_YEARS = List.of(BigDecimal.ZERO, new BigDecimal("0.5"),
            BigDecimal.valueOf(2), BigDecimal.valueOf(4), BigDecimal.valueOf(6));

    /** ANZSCO skill levels 1-5 as years: bachelor's (3 in NZ), diploma, Certificate IV/III, II/III, I or none. */
    static final List<BigDecimal> SKILL_LEVEL_YEARS = List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(2),
            BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.ZERO);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Formula2() {
    }

    // Income -----------------------------------------------------------------------------------------------------

    static Rated income(Reading in, ScoringModel.Income p) {
        PublishedFacts f = in.facts.published();
        if (f != null && f.medianWage() != null && f.allOccupationsMedianWage() != null) {
            List<InputUsed> inputs = List.of(
                    new InputUsed("median annual wage", (f.medianWageAtLeast() ? "at least " : "")
                            + ScoreCalculator.money(f.medianWage(), "USD"), Source.PUBLISHED,
                            f.wageRelease() + ", SOC " + f.wageSocCode()),
                    new InputUsed("all occupations' median annual wage",
                            ScoreCalculator.money(f.allOccupationsMedianWage(), "USD"), Source.PUBLISHED,
                            f.wageRelease() + ", SOC 00-0000"));
            return logOfPay(p, f.medianWage(), f.allOccupationsMedianWage(), "", inputs);
        }
        String missing = f == null || f.medianWage() == null ? "no OEWS median wage for the occupation"
                : "no all-occupations median in its OEWS release";
        ScoreCalculator.PagePay pay = ScoreCalculator.pagePay(in);
        if (pay.gap() != null) {
            return Rated.not("not rated: " + missing + ", and " + pay.gap(), pay.inputs());
        }
        return logOfPay(p, pay.pay(), pay.median(), missing + ": the page's mid-level pay against the rule set's "
                + "median: ", pay.inputs());
    }

    /** pointsAtMedian + perDoubling x log2(pay / median). */
    private static Rated logOfPay(ScoringModel.Income p, BigDecimal pay, BigDecimal median, String prefix,
                                  List<InputUsed> inputs) {
        if (median.signum() <= 0) {
            return Rated.not("not rated: the median is not above 0", inputs);
        }
        if (pay.signum() <= 0) {
            return Rated.of(BigDecimal.ZERO, prefix + "no pay above 0: 0", inputs);
        }
        // StrictMath: the same digits on every machine, so a score recomputed anywhere is the same score.
        BigDecimal doublings = BigDecimal.valueOf(StrictMath.log(pay.doubleValue() / median.doubleValue())
                / StrictMath.log(2)).setScale(4, RoundingMode.HALF_UP);
        BigDecimal raw = p.pointsAtMedian().add(p.perDoubling().multiply(doublings));
        return Rated.of(raw, prefix + num(p.pointsAtMedian()) + " + " + num(p.perDoubling()) + " x log2(pay / median)"
                + " = " + num(p.pointsAtMedian()) + " + " + num(p.perDoubling()) + " x log2("
                + ScoreCalculator.plainMoney(pay) + " / " + ScoreCalculator.plainMoney(median) + ") = "
                + num(p.pointsAtMedian()) + " + " + num(p.perDoubling()) + " x " + num(doublings) + " = " + num(raw),
                inputs);
    }

    // Demand outlook ---------------------------------------------------------------------------------------------

    static Rated demandOutlook(Reading in, ScoringModel.DemandOutlook p) {
        PublishedFacts f = in.facts.published();
        if (f == null || f.employmentChange() == null) {
            if (in.facts.demandOutlook() == null && in.facts.growthAreas() == null) {
                return Rated.not("not rated: no BLS projection for the occupation, no editorial rating, and the page "
                        + "has no growth areas", List.of());
            }
            Rated page = ScoreCalculator.demandOutlook(in, p);
            return new Rated(page.value(), "no BLS projection for the occupation, so the page's: " + page.rule(),
                    page.inputs());
        }
        String from = projections(f);
        List<InputUsed> inputs = new ArrayList<>();
        inputs.add(new InputUsed("projected employment change", num(f.employmentChange()) + " %", Source.PUBLISHED,
                from));
        BigDecimal allChange = f.allOccupationsEmploymentChange();
        String changeRule;
        BigDecimal changeTerm;
        if (allChange == null) {
            changeTerm = p.perPointOfChange().multiply(f.employmentChange());
            changeRule = num(p.perPointOfChange()) + " x " + num(f.employmentChange())
                    + " (the release gives no all-occupations change: compared with 0)";
        } else {
            inputs.add(new InputUsed("all occupations' projected change", num(allChange) + " %", Source.PUBLISHED,
                    from + ", 00-0000"));
            changeTerm = p.perPointOfChange().multiply(f.employmentChange().subtract(allChange));
            changeRule = num(p.perPointOfChange()) + " x (" + num(f.employmentChange()) + " - " + num(allChange) + ")";
        }
        BigDecimal rate = perHundredJobs(f.annualOpenings(), f.employmentBase());
        BigDecimal allRate = perHundredJobs(f.allOccupationsAnnualOpenings(), f.allOccupationsEmploymentBase());
        BigDecimal openingsTerm = BigDecimal.ZERO;
        String openingsRule;
        if (rate != null && allRate != null) {
            inputs.add(new InputUsed("openings a year per 100 jobs", num(rate), Source.DERIVED, from + ": "
                    + num(f.annualOpenings()) + " thousand openings a year / " + num(f.employmentBase())
                    + " thousand jobs"));
            inputs.add(new InputUsed("all occupations' openings a year per 100 jobs", num(allRate), Source.DERIVED,
                    from + ", 00-0000: " + num(f.allOccupationsAnnualOpenings()) + " thousand / "
                    + num(f.allOccupationsEmploymentBase()) + " thousand"));
            openingsTerm = p.perPointOfOpenings().multiply(rate.subtract(allRate));
            openingsRule = " + " + num(p.perPointOfOpenings()) + " x (" + num(rate) + " - " + num(allRate)
                    + " openings per 100 jobs)";
        } else {
            openingsRule = " (openings left out: the release gives no openings and employment to compare)";
        }
        BigDecimal raw = p.base().add(changeTerm).add(openingsTerm);
        return Rated.of(raw, num(p.base()) + " + " + changeRule + openingsRule + " = " + num(p.base())
                + signed(changeTerm) + signed(openingsTerm) + " = " + num(raw), inputs);
    }

    private static @Nullable BigDecimal perHundredJobs(@Nullable BigDecimal openings, @Nullable BigDecimal jobs) {
        return openings == null || jobs == null || jobs.signum() <= 0 ? null
                : openings.multiply(HUNDRED).divide(jobs, 2, RoundingMode.HALF_UP);
    }

    // AI risk ----------------------------------------------------------------------------------------------------

    static Rated aiRisk(Reading in, ScoringModel.AiRisk p) {
        PublishedFacts f = in.facts.published();
        List<InputUsed> inputs = new ArrayList<>();
        List<BigDecimal> exposures = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        if (f != null && f.llmExposureGpt4() != null) {
            exposures.add(f.llmExposureGpt4());
            terms.add(num(f.llmExposureGpt4()));
            inputs.add(new InputUsed("LLM exposure rated by GPT-4 (beta: E1 + 0.5 E2)", num(f.llmExposureGpt4()),
                    Source.PUBLISHED, f.llmExposureRelease() + "; " + GPTS_ARE_GPTS));
        }
        if (f != null && f.llmExposureHuman() != null) {
            exposures.add(f.llmExposureHuman());
            terms.add(num(f.llmExposureHuman()));
            inputs.add(new InputUsed("LLM exposure rated by human annotators (beta)", num(f.llmExposureHuman()),
                    Source.PUBLISHED, f.llmExposureRelease() + "; " + GPTS_ARE_GPTS));
        }
        if (f != null && f.aiApplicability() != null) {
            BigDecimal scaled = p.applicabilityScale().multiply(f.aiApplicability()).min(BigDecimal.ONE);
            exposures.add(scaled);
            terms.add("min(1, " + num(p.applicabilityScale()) + " x " + num(f.aiApplicability()) + ") = "
                    + num(scaled));
            inputs.add(new InputUsed("AI applicability score", num(f.aiApplicability()), Source.PUBLISHED,
                    f.aiApplicabilityRelease() + "; " + WORKING_WITH_AI));
        }
        Rated page = ScoreCalculator.aiRisk(in, p);
        if (exposures.isEmpty()) {
            return page.value() == null
                    ? Rated.not("not rated: no research exposure figure for the occupation, and the page says "
                    + "nothing about AI", List.of())
                    : new Rated(page.value(), "no research exposure figure for the occupation, so the page's: "
                    + page.rule(), page.inputs());
        }
        BigDecimal exposure = exposures.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(exposures.size()), 4, RoundingMode.HALF_UP);
        BigDecimal research = p.withoutExposure().subtract(p.perExposure().multiply(exposure));
        List<String> missing = new ArrayList<>();
        if (f.llmExposureGpt4() == null) {
            missing.add("the GPT-4 rating");
        }
        if (f.llmExposureHuman() == null) {
            missing.add("the human rating");
        }
        if (f.aiApplicability() == null) {
            missing.add("the AI applicability score");
        }
        String researchRule = "research: " + num(p.withoutExposure()) + " - " + num(p.perExposure())
                + " x mean exposure (" + String.join("; ", terms) + ") = " + num(p.withoutExposure()) + " - "
                + num(p.perExposure()) + " x " + num(exposure) + " = " + num(research)
                + (missing.isEmpty() ? "" : " (not published for it: " + String.join(", ", missing) + ")");
        if (page.value() == null) {
            return Rated.of(research, researchRule + " (the page says nothing about AI)", inputs);
        }
        inputs.addAll(page.inputs());
        BigDecimal weights = p.researchWeight().add(p.pageWeight());
        BigDecimal raw = weights.signum() == 0
                ? research.add(page.value()).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP)
                : p.researchWeight().multiply(research).add(p.pageWeight().multiply(page.value()))
                .divide(weights, 4, RoundingMode.HALF_UP);
        String combined = weights.signum() == 0 ? "both weights 0, so their plain mean: (" + num(research) + " + "
                + num(page.value()) + ") / 2" : "(" + num(p.researchWeight()) + " x " + num(research) + " + "
                + num(p.pageWeight()) + " x " + num(page.value()) + ") / " + num(weights);
        return Rated.of(raw, researchRule + "; the page: " + page.rule() + "; weighed: " + combined + " = "
                + num(raw), inputs);
    }

    // PR difficulty ----------------------------------------------------------------------------------------------

    /**
     * Formula 1's rule, except that a New Zealand status whose every pay rule is unknown (no pay figure: SMC income
     * points, the SMC wage rule and the AEWV wage rule all unknown) is not rated rather than read as "unknown" points.
     */
    static Rated prDifficulty(Reading in, ScoringModel.PrDifficulty p) {
        ImmigrationStatus s = in.status;
        if (s != null && "NZ".equals(in.country) && s.smcIncomePoints() == null && s.smcEligible() == null
                && s.aewvEligible() == null) {
            return Rated.not("not rated: without a pay figure for the occupation the SMC income points, the SMC wage "
                    + "rule and the AEWV wage rule cannot be told", List.of());
        }
        return ScoreCalculator.prDifficulty(in, p);
    }

    // Learning duration ------------------------------------------------------------------------------------------

    static Rated learningDuration(Reading in, ScoringModel.LearningDuration p) {
        PublishedFacts f = in.facts.published();
        List<InputUsed> inputs = new ArrayList<>();
        List<BigDecimal> estimates = new ArrayList<>();
        List<String> named = new ArrayList<>();
        if (f != null && f.entryEducation() != null) {
            BigDecimal years = ENTRY_EDUCATION_YEARS.get(f.entryEducation());
            inputs.add(new InputUsed("typical entry education", f.entryEducation() + (years == null
                    ? " (not a category the model knows: left out)" : " = " + years(years)), Source.PUBLISHED,
                    projections(f)));
            if (years != null) {
                estimates.add(years);
                named.add(num(years) + " (entry education)");
            }
        }
        if (f != null && f.jobZone() != null && f.jobZone() >= 1 && f.jobZone() <= 5) {
            BigDecimal years = JOB_ZONE_YEARS.get(f.jobZone() - 1);
            inputs.add(new InputUsed("job zone", f.jobZone() + " = " + years(years), Source.PUBLISHED,
                    f.jobZoneRelease() == null ? "O*NET" : f.jobZoneRelease()));
            estimates.add(years);
            named.add(num(years) + " (job zone)");
        }
        Integer level = in.facts.skillLevel();
        if (CodeSystem.ANZSCO.name().equals(in.facts.codeSystem()) && level != null && level >= 1 && level <= 5) {
            BigDecimal years = SKILL_LEVEL_YEARS.get(level - 1);
            String release = f == null ? null : f.skillLevelRelease();
            inputs.add(new InputUsed("ANZSCO skill level", level + " = " + years(years),
                    release == null ? Source.IMPORTED : Source.PUBLISHED,
                    release == null ? in.factsFrom + ": the page's skill level" : release));
            estimates.add(years);
            named.add(num(years) + " (skill level)");
        }
        BigDecimal path = in.facts.shortestEducationYears();
        if (path != null) {
            inputs.add(new InputUsed("shortest education path", years(path), Source.DERIVED,
                    in.factsFrom + ": the shortest of the page's education paths"));
            estimates.add(path);
            named.add(num(path) + " (the page's shortest path)");
        }
        if (estimates.isEmpty()) {
            return Rated.not("not rated: no entry education, job zone or skill level is published for the "
                    + "occupation, and the page gives no education path with a duration", inputs);
        }
        BigDecimal mean = estimates.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(estimates.size()), 4, RoundingMode.HALF_UP);
        BigDecimal raw = BigDecimal.TEN.subtract(p.perYear().multiply(mean));
        return Rated.of(raw, "years = mean of " + String.join(", ", named) + " = " + num(mean) + "; 10 - "
                + num(p.perYear()) + " x " + num(mean) + " = " + num(raw), inputs);
    }

    // Certification ----------------------------------------------------------------------------------------------

    static Rated certification(Reading in, ScoringModel.Certification p) {
        PublishedFacts f = in.facts.published();
        List<String> required = in.facts.requiredQualifications();
        List<InputUsed> inputs = new ArrayList<>();
        BigDecimal training = null;
        if (f != null && f.onTheJobTraining() != null) {
            training = trainingPoints(f.onTheJobTraining(), p);
            inputs.add(new InputUsed("typical on-the-job training", f.onTheJobTraining() + (training == null
                    ? " (not a category the model knows: left out)" : ""), Source.PUBLISHED, projections(f)));
        }
        if (required != null) {
            inputs.add(new InputUsed("required qualifications", ScoreCalculator.qualifications(in.facts),
                    Source.IMPORTED, in.factsFrom));
        }
        if (required == null) {
            // BLS's training says nothing of licences: without the page's qualifications "none" would be a guess.
            return Rated.not("not rated: the page lists no qualifications, so whether a licence or registration is "
                    + "required is not known" + (training == null ? "" : " (on-the-job training alone does not tell)"),
                    inputs);
        }
        BigDecimal raw = BigDecimal.TEN.subtract(p.perRequiredQualification()
                .multiply(BigDecimal.valueOf(required.size())));
        StringBuilder rule = new StringBuilder("10 - ").append(num(p.perRequiredQualification())).append(" x ")
                .append(required.size()).append(" required qualifications");
        if (training != null) {
            raw = raw.subtract(training);
            rule.append(" - ").append(num(training)).append(" (").append(f.onTheJobTraining()).append(")");
        } else {
            rule.append(" (no on-the-job training published)");
        }
        return Rated.of(raw, rule + " = " + num(raw), inputs);
    }

    /** The points a BLS on-the-job training category costs; null for one the model does not know. */
    private static @Nullable BigDecimal trainingPoints(String category, ScoringModel.Certification p) {
        return switch (category) {
            case "None" -> BigDecimal.ZERO;
            case "Short-term on-the-job training" -> p.shortTermTraining();
            case "Moderate-term on-the-job training" -> p.moderateTermTraining();
            case "Long-term on-the-job training" -> p.longTermTraining();
            case "Apprenticeship" -> p.apprenticeship();
            case "Internship/residency" -> p.internshipOrResidency();
            default -> null;
        };
    }

    // Helpers ----------------------------------------------------------------------------------------------------

    private static String num(BigDecimal value) {
        return ScoreCalculator.num(value);
    }

    /** The projections' release, or its publisher where the catalog did not name one. */
    private static String projections(PublishedFacts f) {
        return f.projectionsRelease() == null ? "BLS Employment Projections" : f.projectionsRelease();
    }

    private static String years(BigDecimal years) {
        return num(years) + (years.compareTo(BigDecimal.ONE) == 0 ? " year" : " years");
    }

    private static String signed(BigDecimal term) {
        BigDecimal rounded = term.setScale(4, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? " - " : " + ") + num(rounded.abs());
    }
}
