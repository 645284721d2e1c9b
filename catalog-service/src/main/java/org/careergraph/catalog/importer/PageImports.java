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
 * Imports a career page from its text: creates the occupation, or merges the text into it (see
 * {@link OccupationService#importPage}), through the same write path as the JSON API. The same text twice makes no
 * new revision.
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
        OccupationInput input = new OccupationInput(read.page(), null, null);
        Set<ConstraintViolation<OccupationInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Occupation after = occupations.importPage(read.page(), author);
        Status status = existing.isEmpty() ? Status.CREATED
                : after.revision() == existing.get().revision() ? Status.UNCHANGED : Status.UPDATED;
        return new Outcome(status, after, read.warnings());
    }

    public enum Status { CREATED, UPDATED, UNCHANGED }

    /** What the import did, the occupation now, and everything the importer had to guess or could not read. */
    @Serdeable
    public record Outcome(Status status, Occupation occupation, List<ImportWarning> warnings) {
    }
}
