package org.careergraph.catalog.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationInput;
import org.careergraph.catalog.occupation.OccupationInput.EditorialInput;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.catalog.occupation.Provenance;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;
import org.careergraph.platform.web.StrictJson;

/**
 * The whole catalog as NDJSON, one occupation per line as a client writes it (plus its id, archived flag and the
 * source of each value), and back. An import is checked line by line first and stores nothing unless every line is valid; then each line
 * creates or replaces its occupation through the same path as the JSON API, so revisions and events follow the
 * same rules (a line that changes nothing makes neither).
 */
@Singleton
public class CatalogTransfer {

    private static final int EXPORT_BATCH = 500;

    private final OccupationService occupations;
    private final JsonMapper json;
    private final Validator validator;

    CatalogTransfer(OccupationService occupations, JsonMapper json, Validator validator) {
        this.occupations = occupations;
        this.json = json;
        this.validator = validator;
    }

    /**
     * One line per occupation, archived ones included, in id order, with each value's source: a stream that reads
     * the catalog a batch at a time as it is sent, so a catalog of any size leaves in constant memory.
     */
    public InputStream export() {
        Enumeration<InputStream> batches = new Enumeration<>() {
            private Pageable pageable = Pageable.from(0, EXPORT_BATCH, Sort.of(Sort.Order.asc("id")));
            private boolean more = true;

            @Override
            public boolean hasMoreElements() {
                return more;
            }

            @Override
            public InputStream nextElement() {
                List<Occupation> batch = occupations.page(null, pageable).getContent();
                more = batch.size() == EXPORT_BATCH;
                pageable = pageable.next();
                StringBuilder out = new StringBuilder();
                for (Occupation occupation : batch) {
                    OccupationInput input = occupations.asInput(occupation);
                    out.append(toJson(new Line(occupation.id(), input.page(), input.skillLevel(), input.editorial(),
                            occupation.archived(), occupation.provenance()))).append('\n');
                }
                return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(batches);
    }

    /**
     * Creates or replaces the occupation of every line, in one transaction, after every line was read and checked;
     * a line with sources keeps them (an export restored), one without is an editor's edit.
     */
    @Transactional
    public Result importLines(InputStream ndjson, String author) {
        Result result = new Result(0, 0, 0);
        for (Line line : parse(ndjson)) {
            OccupationInput input = new OccupationInput(line.page(), line.skillLevel(), line.editorial());
            String id = OccupationService.idOf(line.page());
            Integer before = occupations.find(id).map(Occupation::revision).orElse(null);
            Occupation after = occupations.restore(input, line.archived(), line.provenance(), author);
            result = result.plus(before == null, before != null && after.revision() != before);
        }
        return result;
    }

    /** Every line bound and checked; all errors at once, each named after its line ("line 3: page.code"). */
    private List<Line> parse(InputStream ndjson) {
        List<Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> rows;
        try {
            // Bytes that are not UTF-8 are refused, not read as replacement characters.
            rows = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))
                    .lines().toList();
        } catch (UncheckedIOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The import could not be read: "
                    + (e.getCause() instanceof CharacterCodingException ? "it is not UTF-8" : "the upload broke off")
                    + "; nothing was stored.", List.of());
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isBlank()) {
                continue;
            }
            String where = "line " + (i + 1) + ": ";
            byte[] row = rows.get(i).getBytes(StandardCharsets.UTF_8);
            List<FieldError> strict = StrictJson.check(row, Line.class);
            if (!strict.isEmpty()) {
                strict.forEach(e -> errors.add(new FieldError(where + e.field(), e.message())));
                continue;
            }
            Line line;
            try {
                line = json.readValue(row, Line.class);
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                errors.add(new FieldError("line " + (i + 1), "is not an occupation in JSON"));
                continue;
            }
            for (ConstraintViolation<Line> violation : validator.validate(line)) {
                errors.add(new FieldError(where + violation.getPropertyPath(), violation.getMessage()));
            }
            if (line.provenance() != null) {
                line.provenance().fields().forEach((field, source) -> {
                    if (!field.matches("/[A-Za-z]+(/[A-Za-z]+)?") || source == null || !source.isComplete()) {
                        errors.add(new FieldError(where + "provenance." + field, "must be a field path with a"
                                + " complete source (a release's series, name and date; an edit's who and when)"));
                    }
                });
            }
            if (line.page() != null) {
                List<FieldError> problems = OccupationService.problems(line.page());
                problems.forEach(p -> errors.add(new FieldError(where + p.field(), p.message())));
                if (problems.isEmpty() && line.id() != null && !line.id().equals(OccupationService.idOf(line.page()))) {
                    errors.add(new FieldError(where + "id", "does not match the page's code system and code"));
                }
            }
            lines.add(line);
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "has no occupation lines"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The import has invalid lines; nothing was stored.",
                    errors);
        }
        return lines;
    }

    private String toJson(Line line) {
        try {
            return json.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One occupation of an export or import. */
    @Serdeable
    public record Line(
            @Nullable String id,
            @NotNull @Valid @Nullable CareerPage page,
            @Min(1) @Max(5) @Nullable Integer skillLevel,
            @Valid @Nullable EditorialInput editorial,
            boolean archived,
            @Nullable Provenance provenance) {
    }

    /** How many lines created an occupation, changed one, or changed nothing. */
    @Serdeable
    public record Result(int created, int updated, int unchanged) {

        Result plus(boolean isCreated, boolean isUpdated) {
            return new Result(created + (isCreated ? 1 : 0), updated + (isUpdated ? 1 : 0),
                    unchanged + (!isCreated && !isUpdated ? 1 : 0));
        }
    }
}
