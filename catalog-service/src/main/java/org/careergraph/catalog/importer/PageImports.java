package org.careergraph.catalog.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.careergraph.catalog.ImportSettings;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationInput;
import org.careergraph.catalog.occupation.OccupationRepository;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Imports a career page from its text: creates the occupation, or merges the text into it (see
 * {@link OccupationService#importPage}), through the same write path as the JSON API. The same text twice makes no
 * new revision. An import that would drop sections the page has (there now, absent from the text) is refused with
 * 428 unless If-Match names the page's current ETag; with it, the dropped sections come back as warnings.
 */
@Singleton
public class PageImports {

    /** The sections a text can hold, by the names its warnings use, as the occupation's page holds them. */
    private static final Map<String, Function<CareerPage, Object>> SECTIONS = sections();

    private final OccupationService occupations;
    private final OccupationRepository repository;
    private final Validator validator;
    private final ImportSettings settings;

    PageImports(OccupationService occupations, OccupationRepository repository, Validator validator,
                ImportSettings settings) {
        this.occupations = occupations;
        this.repository = repository;
        this.validator = validator;
        this.settings = settings;
    }

    /** A trusted text (a seed page): no If-Match, no deadline. */
    public Outcome importPage(String text, String author) {
        return importPage(text, null, Deadline.NONE, author);
    }

    /**
     * Reads the text (outside any transaction: no connection is held while it is read), then writes it.
     *
     * @param ifMatch  when given, the ETag of the page's current revision ({@code *}: whichever it is), as for PUT
     * @param deadline checked while the text is read and again before the transaction commits: past it nothing is
     *                 stored (422)
     */
    public Outcome importPage(String text, @Nullable String ifMatch, Deadline deadline, String author) {
        refuseOversized(text);
        try {
            ImportResult read;
            try {
                read = PageImporter.read(text, deadline);
            } catch (PageFormatException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The page cannot be read: "
                        + e.getMessage(), List.of());
            }
            Set<ConstraintViolation<OccupationInput>> violations =
                    validator.validate(new OccupationInput(read.page(), null, null));
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return write(read, ifMatch, deadline, author);
        } catch (Deadline.Passed e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The import took longer than its time budget"
                    + " of " + e.budget().toMillis() + " ms and was stopped; nothing was stored.", List.of());
        }
    }

    /** In one transaction: anything thrown here (a refusal, the deadline) rolls the write back. */
    @Transactional
    Outcome write(ImportResult read, @Nullable String ifMatch, Deadline deadline, String author) {
        String id = OccupationService.idOf(read.page());
        // Locked until the commit, so that what is compared below is what the import replaced.
        Optional<Occupation> before = repository.findByIdForUpdate(id);
        if (ifMatch != null && !before.map(b -> b.matches(ifMatch)).orElse(false)) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, before.map(b -> "Occupation " + id
                    + " is at revision " + b.revision() + "; If-Match named another. Read it again and reapply"
                    + " your change.").orElse("Occupation " + id + " does not exist; If-Match named a revision"
                    + " of it."), List.of());
        }
        Occupation after = occupations.importPage(read.page(), author);
        List<String> dropped = before.map(b -> dropped(b.page(), after.page())).orElse(List.of());
        if (!dropped.isEmpty() && ifMatch == null) {
            // Thrown after the write so that the merge itself says what goes; the rollback undoes it.
            throw wouldDrop(before.get(), dropped);
        }
        deadline.check();
        List<ImportWarning> warnings = new ArrayList<>(read.warnings());
        dropped.forEach(section -> warnings.add(new ImportWarning(section, "dropped: the page had this section"
                + " and the text has none; If-Match confirmed the replacement")));
        Status status = before.isEmpty() ? Status.CREATED
                : after.revision() == before.get().revision() ? Status.UNCHANGED : Status.UPDATED;
        return new Outcome(status, after, warnings);
    }

    /** Counted in UTF-8 bytes, as the body was (BodyLimits refuses a longer one before it is read). */
    private void refuseOversized(String text) {
        int bytes = text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.pageTextBytes()) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The page text is " + bytes
                    + " bytes; a page import takes at most " + settings.pageTextBytes() + " bytes.", List.of());
        }
    }

    private static ProblemException wouldDrop(Occupation current, List<String> dropped) {
        return new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "This import would replace occupation "
                + current.id() + " and drop " + dropped.size() + " section(s) it has that the text does not: "
                + String.join(", ", dropped) + ". To replace them, send the import again with If-Match: "
                + current.etag() + " (the page's current ETag); nothing was stored.",
                dropped.stream().map(s -> new FieldError(s, "the page has this section and the text has none"))
                        .toList());
    }

    /** The sections the page had and has no more. */
    static List<String> dropped(CareerPage before, CareerPage after) {
        return SECTIONS.entrySet().stream()
                .filter(s -> present(s.getValue().apply(before)) && !present(s.getValue().apply(after)))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean present(@Nullable Object value) {
        return value != null && !(value instanceof Collection<?> list && list.isEmpty())
                && !(value instanceof LocalizedText text && isBlank(text.zh()) && isBlank(text.en()));
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, Function<CareerPage, Object>> sections() {
        Map<String, Function<CareerPage, Object>> sections = new LinkedHashMap<>();
        sections.put("title.zh", p -> p.title() == null ? null : p.title().zh());
        sections.put("title.en", p -> p.title() == null ? null : p.title().en());
        sections.put("crosswalk", CareerPage::crosswalk);
        sections.put("skilledMigration", CareerPage::skilledMigration);
        sections.put("publishedOverallScore", CareerPage::publishedOverallScore);
        sections.put("summary", CareerPage::summary);
        sections.put("aiImpact.verdict", ai(AiImpact::verdict));
        sections.put("aiImpact.verdictText", ai(AiImpact::verdictText));
        sections.put("aiImpact.tools", ai(AiImpact::tools));
        sections.put("aiImpact.tasksTakenOver", ai(AiImpact::tasksTakenOver));
        sections.put("aiImpact.tasksAugmented", ai(AiImpact::tasksAugmented));
        sections.put("aiImpact.humanMoat", ai(AiImpact::humanMoat));
        sections.put("aiImpact.skillsToBuild", ai(AiImpact::skillsToBuild));
        sections.put("aiImpact.entryLevelOutlook", ai(AiImpact::entryLevelOutlook));
        sections.put("aiImpact.levelUp", ai(AiImpact::levelUp));
        sections.put("salaryBands", CareerPage::salaryBands);
        sections.put("educationPaths", CareerPage::educationPaths);
        sections.put("qualifications", CareerPage::qualifications);
        sections.put("visaPathways", CareerPage::visaPathways);
        sections.put("immigrationNote", CareerPage::immigrationNote);
        sections.put("suitableFor", CareerPage::suitableFor);
        sections.put("notSuitableFor", CareerPage::notSuitableFor);
        sections.put("careerProspects", CareerPage::careerProspects);
        sections.put("outlook", CareerPage::outlook);
        sections.put("growthAreas", CareerPage::growthAreas);
        sections.put("faq", CareerPage::faq);
        sections.put("dataSources", CareerPage::dataSources);
        return Collections.unmodifiableMap(sections);
    }

    private static Function<CareerPage, Object> ai(Function<AiImpact, Object> part) {
        return page -> page.aiImpact() == null ? null : part.apply(page.aiImpact());
    }

    public enum Status { CREATED, UPDATED, UNCHANGED }

    /** What the import did, the occupation now, and everything the importer had to guess, could not read or dropped. */
    @Serdeable
    public record Outcome(Status status, Occupation occupation, List<ImportWarning> warnings) {
    }
}
