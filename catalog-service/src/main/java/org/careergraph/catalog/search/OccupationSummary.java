package org.careergraph.catalog.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.OfficialRecord;

/**
 * An occupation as a list shows it: titles, codes, the levels and group to browse by, the headline figures with
 * their source series (median wage, projected change in employment, AI exposure) and the latest score and status.
 * A listing answers these, never whole pages.
 *
 * @param titleZhTranslated the Chinese title is our editorial translation of the official title, not a publisher's
 * @param jobZone         O*NET's preparation level, 1-5 (SOC occupations)
 * @param majorGroup      the classification's major group
 * @param medianWage      the OEWS median annual wage (USD), for SOC occupations
 * @param llmExposure     "GPTs are GPTs": share of tasks exposed to LLMs, GPT-4 rated, beta (E1 + 0.5 E2)
 * @param aiApplicability "Working with AI": AI applicability score
 * @param employmentChange BLS Employment Projections: projected change in employment over the projection's years,
 *                         percent (SOC occupations)
 * @param annualOpenings  BLS Employment Projections: openings a year on average, thousands
 * @param findings        how many data-quality findings the occupation has
 */
@Serdeable
public record OccupationSummary(
        String id,
        String codeSystem,
        String code,
        @Nullable String titleZh,
        boolean titleZhTranslated,
        @Nullable String titleEn,
        @Nullable Integer skillLevel,
        @Nullable Integer jobZone,
        @Nullable OfficialRecord.Group majorGroup,
        @Nullable Boolean skilledMigration,
        @Nullable CareerPage.AiVerdict aiVerdict,
        @Nullable OfficialRecord.Wage medianWage,
        @Nullable BigDecimal llmExposure,
        @Nullable BigDecimal aiApplicability,
        @Nullable BigDecimal employmentChange,
        @Nullable BigDecimal annualOpenings,
        boolean archived,
        int findings,
        @Nullable Score score,
        @Nullable ImmigrationStatus immigrationStatus) {

    @Serdeable
    public record Score(BigDecimal overall, @Nullable String modelVersion) {
    }

    @Serdeable
    public record ImmigrationStatus(@Nullable Integer greenListTier, LocalDate since) {
    }

    static OccupationSummary of(IndexedOccupation occupation) {
        CareerPage page = occupation.page();
        OfficialRecord official = page.official();
        OfficialRecord.Group major = official.groups().stream().filter(g -> g.level().equals("major")).findFirst()
                .orElse(null);
        OfficialRecord.Wage median = official.wages() == null ? null : official.wages().medianAnnual();
        OfficialRecord.Projections outlook = official.projections();
        BigDecimal score = occupation.effectiveScore();
        return new OccupationSummary(occupation.id(), page.codeSystem(), page.code(), blankToNull(page.title().zh()),
                occupation.titleZhTranslated(), blankToNull(page.title().en()), occupation.skillLevel(),
                official.jobZone() == null ? null : official.jobZone().zone(), major, page.skilledMigration(),
                page.aiImpact().verdict(), median,
                official.llmExposure() == null ? null : official.llmExposure().gpt4().beta(),
                official.aiApplicability() == null ? null : official.aiApplicability().score(),
                outlook == null ? null : outlook.changePercent(), outlook == null ? null : outlook.annualOpenings(),
                occupation.archived(), occupation.findings(),
                score == null ? null : new Score(score, occupation.scoreModel()),
                occupation.statusSince() == null ? null
                        : new ImmigrationStatus(occupation.greenListTier(), occupation.statusSince()));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
