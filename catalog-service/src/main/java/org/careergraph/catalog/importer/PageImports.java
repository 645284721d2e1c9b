package org.careergraph.catalog.importer;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationInput;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.platform.web.ProblemException;

/**
 * Imports a career page from its text: creates the occupation, or replaces its page (keeping its skill level and
 * editorial ratings), through the same write path as the JSON API. The same text twice makes no new revision.
 */
@Singleton
public class PageImports {

    private final OccupationService occupations;
    private final Validator validator;

    PageImports(OccupationService occupations, Validator validator) {
        this.occupations = occupations;
        this.validator = validator;
    }

    @Transactional
    public Outcome importPage(String text, String author) {
        ImportResult read;
        try {
            read = PageImporter.read(text);
        } catch (PageFormatException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The page cannot be read: " + e.getMessage(),
                    List.of());
        }
        String id = OccupationService.idOf(read.page());
        Optional<Occupation> existing = occupations.find(id);
        OccupationInput input = new OccupationInput(read.page(),
                existing.map(Occupation::skillLevel).orElse(null), null);
        Set<ConstraintViolation<OccupationInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (existing.isEmpty()) {
            return new Outcome(Status.CREATED, occupations.create(input, author), read.warnings());
        }
        Occupation after = occupations.replace(id, input, null, author);
        Status status = after.revision() == existing.get().revision() ? Status.UNCHANGED : Status.UPDATED;
        return new Outcome(status, after, read.warnings());
    }

    public enum Status { CREATED, UPDATED, UNCHANGED }

    /** What the import did, the occupation now, and everything the importer had to guess or could not read. */
    @Serdeable
    public record Outcome(Status status, Occupation occupation, List<ImportWarning> warnings) {
    }
}
