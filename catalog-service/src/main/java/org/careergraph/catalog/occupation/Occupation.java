package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.EducationPath;
import org.careergraph.catalog.page.CareerPage.Qualification;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.PublishedFacts;
import org.careergraph.events.SalaryBand;

/**
 * An occupation: its career page, the inputs beside it (skill level, editorial ratings), its revision, where each
 * of its values came from, and the data-quality findings on it. Titles and code are copied out of the page into
 * columns, for listing and for the unique key.
 */
@Serdeable
@MappedEntity("occupation")
public record Occupation(
        @Id String id,
        String codeSystem,
        String code,
        String titleZh,
        String titleEn,
        @Nullable Integer skillLevel,
        @TypeDef(type = DataType.JSON) CareerPage page,
        @Nullable @TypeDef(type = DataType.JSON) Editorial editorial,
        boolean archived,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        @Nullable @TypeDef(type = DataType.JSON) Provenance provenance,
        @Nullable @TypeDef(type = DataType.JSON) Finding.Findings findings) {

    /** Occupations written before sources were kept have none; no findings are stored as none (NULL). */
    public Occupation {
        provenance = provenance == null ? Provenance.NONE : provenance;
        findings = findings == null || findings.items().isEmpty() ? null : findings;
    }

    /** The data-quality findings on it, none for most. */
    public List<Finding> findingList() {
        return findings == null ? List.of() : findings.items();
    }

    Occupation withProvenanceAndFindings(Provenance provenance, @Nullable Finding.Findings findings) {
        return new Occupation(id, codeSystem, code, titleZh, titleEn, skillLevel, page, editorial, archived, revision,
                createdAt, updatedAt, updatedBy, provenance, findings);
    }

    /**
     * What other services need to know, carried on every event; {@code releaseName} names the release a source is
     * ("BLS OEWS May 2024"), so that a score or status can say what it rests on.
     */
    OccupationFacts facts(Function<Provenance.Source, String> releaseName) {
        List<SalaryBand> bands = page.salaryBands().stream()
                .map(b -> new SalaryBand(b.level(), b.min(), b.max(), b.currency(), b.note())).toList();
        BigDecimal shortestEducation = page.educationPaths().stream().map(EducationPath::minYears)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        // A page without a qualification or growth section says nothing of them: null, not "none required".
        List<String> required = page.qualifications().isEmpty() ? null : page.qualifications().stream()
                .filter(Qualification::required).map(Qualification::name).toList();
        List<OccupationFacts.AiToolImpact> tools = page.aiImpact().tools().stream()
                .map(t -> new OccupationFacts.AiToolImpact(t.name(), t.impact() == null ? null : t.impact().name()))
                .toList();
        return new OccupationFacts(titleZh, titleEn, codeSystem, code, skillLevel, bands,
                page.aiImpact().verdict() == null ? null : page.aiImpact().verdict().name(), shortestEducation,
                required, page.aiImpact().tasksTakenOver().size(), page.aiImpact().tasksAugmented().size(), tools,
                page.skilledMigration(), page.growthAreas().isEmpty() ? null : page.growthAreas(),
                rating(editorial == null ? null : editorial.demandOutlook()),
                rating(editorial == null ? null : editorial.competition()), archived, published(releaseName));
    }

    /** The official record's figures, each group with the release it came from; null when it has none. */
    private @Nullable PublishedFacts published(Function<Provenance.Source, String> releaseName) {
        OfficialRecord official = page.official();
        OfficialRecord.Wage median = official.wages() == null ? null : official.wages().medianAnnual();
        OfficialRecord.Projections outlook = official.projections();
        OfficialRecord.LlmExposure exposure = official.llmExposure();
        OfficialRecord.AiApplicability applicability = official.aiApplicability();
        OfficialRecord.Wage allMedian = official.wages() == null || official.wages().allOccupations() == null ? null
                : official.wages().allOccupations().medianAnnual();
        OfficialRecord.Projections allOutlook = outlook == null ? null : outlook.allOccupations();
        if (median == null && outlook == null && official.jobZone() == null && exposure == null
                && applicability == null && release("/skillLevel", releaseName) == null) {
            return null;
        }
        return new PublishedFacts(median == null ? null : median.amount(), median != null && median.atLeast(),
                official.wages() == null ? null : official.wages().socCode(), release("/official/wages", releaseName),
                outlook == null ? null : outlook.changePercent(), outlook == null ? null : outlook.annualOpenings(),
                outlook == null ? null : outlook.entryEducation(), outlook == null ? null : outlook.workExperience(),
                outlook == null ? null : outlook.onTheJobTraining(), release("/official/projections", releaseName),
                official.jobZone() == null ? null : official.jobZone().zone(),
                exposure == null ? null : exposure.gpt4().beta(), exposure == null ? null : exposure.human().beta(),
                release("/official/llmExposure", releaseName),
                applicability == null ? null : applicability.score(),
                release("/official/aiApplicability", releaseName),
                allMedian == null ? null : allMedian.amount(),
                outlook == null ? null : outlook.employmentBase(),
                allOutlook == null ? null : allOutlook.changePercent(),
                allOutlook == null ? null : allOutlook.employmentBase(),
                allOutlook == null ? null : allOutlook.annualOpenings(),
                release("/official/jobZone", releaseName), release("/skillLevel", releaseName));
    }

    private @Nullable String release(String field, Function<Provenance.Source, String> releaseName) {
        Provenance.Source source = provenance.of(field);
        return source == null ? null : releaseName.apply(source);
    }

    private static @Nullable Integer rating(@Nullable Editorial.Rating rating) {
        return rating == null ? null : rating.value();
    }

    /** The entity tag of this revision, for ETag and If-Match. */
    public String etag() {
        return "\"" + revision + "\"";
    }

    /** Whether an If-Match header names this revision: its ETag, or {@code *} for whichever revision exists. */
    public boolean matches(String ifMatch) {
        return ifMatch.equals("*") || ifMatch.equals(etag());
    }
}
