package org.careergraph.catalog.occupation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.careergraph.catalog.occupation.OccupationInput.EditorialInput;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.revision.Revision;
import org.careergraph.catalog.revision.RevisionRepository;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationChanged.ChangeKind;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Writes occupations. Every real change, whatever the write path, is one new revision and one
 * {@code occupation changed} event, committed with the occupation; a write that changes nothing makes neither.
 */
@Singleton
public class OccupationService {

    private static final Argument<Map<String, Object>> TREE = Argument.mapOf(String.class, Object.class);
    /** Titles are columns too (VARCHAR(200)), for listing. */
    private static final int MAX_TITLE_LENGTH = 200;

    private final OccupationRepository occupations;
    private final RevisionRepository revisions;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher<OccupationWritten> written;

    OccupationService(OccupationRepository occupations, RevisionRepository revisions, Outbox outbox, JsonMapper json,
                      Validator validator, ApplicationEventPublisher<OccupationWritten> written) {
        this.occupations = occupations;
        this.revisions = revisions;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
        this.written = written;
    }

    public Optional<Occupation> find(String id) {
        return occupations.findById(id);
    }

    /** The occupations with these ids, in the order of the ids (unknown ids are left out). */
    public List<Occupation> findAllInOrder(List<String> ids) {
        Map<String, Occupation> byId = new HashMap<>();
        occupations.findByIdIn(ids).forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A page of occupations, all of them or those changed at or after {@code changedSince}. */
    public Page<Occupation> page(@Nullable Instant changedSince, Pageable pageable) {
        return changedSince == null ? occupations.findAll(pageable)
                : occupations.findByUpdatedAtGreaterThanEquals(changedSince, pageable);
    }

    /** The id an input would get: {@code <codesystem>-<code>}. */
    public static String idOf(CareerPage page) {
        return CodeSystem.parse(page.codeSystem()).orElseThrow().occupationId(page.code().trim());
    }

    @Transactional
    public Occupation create(OccupationInput input, String author) {
        CareerPage page = checked(input);
        String id = idOf(page);
        if (occupations.existsById(id)) {
            throw ProblemException.conflict("Occupation " + id + " already exists; replace it with PUT.");
        }
        Instant now = now();
        Occupation created = occupations.save(new Occupation(id, page.codeSystem(), page.code(), title(page, "zh"),
                title(page, "en"), input.skillLevel(), page, editorial(null, input.editorial(), author, now), false,
                1, now, now, author));
        record(created, ChangeKind.CREATED, PageDiff.between(null, document(created)));
        return created;
    }

    /** Replaces the page and its inputs; {@code ifMatch}, when given, must be the current revision's entity tag. */
    @Transactional
    public Occupation replace(String id, OccupationInput input, @Nullable String ifMatch, String author) {
        Occupation current = lockedForWrite(id, ifMatch);
        CareerPage page = checked(input);
        if (!idOf(page).equals(id)) {
            throw ProblemException.invalidField("page.code",
                    "the code system and code make the occupation id (" + id + ") and cannot change");
        }
        Instant now = now();
        return write(current, new Occupation(id, current.codeSystem(), current.code(), title(page, "zh"),
                title(page, "en"), input.skillLevel(), page, editorial(current.editorial(), input.editorial(), author,
                now), current.archived(), current.revision() + 1, current.createdAt(), now, author));
    }

    /** Applies a JSON merge patch (RFC 7396) to the occupation as a client writes it, then replaces it. */
    @Transactional
    public Occupation patch(String id, Map<String, Object> mergePatch, @Nullable String ifMatch, String author) {
        Occupation current = lockedForWrite(id, ifMatch);
        Map<String, Object> patched = MergePatch.apply(tree(asInput(current)), mergePatch);
        OccupationInput input;
        try {
            input = json.readValue(json.writeValueAsBytes(patched), OccupationInput.class);
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The patched occupation is not valid: "
                    + e.getMessage().replaceAll("\\[class [^]]*]", ""), List.of());
        }
        Set<ConstraintViolation<OccupationInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return replace(id, input, null, author);
    }

    /** Archives or restores: an archived occupation stays readable but leaves search and listings by default. */
    @Transactional
    public Occupation archive(String id, boolean archived, @Nullable String ifMatch, String author) {
        Occupation current = lockedForWrite(id, ifMatch);
        Instant now = now();
        return write(current, new Occupation(id, current.codeSystem(), current.code(), current.titleZh(),
                current.titleEn(), current.skillLevel(), current.page(), current.editorial(), archived,
                current.revision() + 1, current.createdAt(), now, author));
    }

    /** The occupation as a client would write it, for merge patches and export. */
    public OccupationInput asInput(Occupation occupation) {
        Editorial editorial = occupation.editorial();
        return new OccupationInput(occupation.page(), occupation.skillLevel(), editorial == null ? null
                : new EditorialInput(value(editorial.demandOutlook()), value(editorial.competition())));
    }

    private Occupation write(Occupation current, Occupation next) {
        List<FieldChange> changes = PageDiff.between(document(current), document(next));
        if (changes.isEmpty()) {
            return current;
        }
        occupations.update(next);
        record(next, ChangeKind.UPDATED, changes);
        return next;
    }

    private Occupation lockedForWrite(String id, @Nullable String ifMatch) {
        Occupation current = occupations.findByIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + "."));
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.etag())) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "Occupation " + id + " is at revision "
                    + current.revision() + "; If-Match named another. Read it again and reapply your change.",
                    List.of());
        }
        return current;
    }

    /** Every change is a numbered revision and one event, in the transaction that made it. */
    private void record(Occupation occupation, ChangeKind kind, List<FieldChange> changes) {
        revisions.save(new Revision(null, occupation.id(), occupation.revision(), kind, occupation.updatedBy(),
                occupation.updatedAt(), changes, tree(occupation)));
        outbox.add(new OccupationChanged(occupation.id(), occupation.revision(), kind, occupation.facts(), changes,
                occupation.updatedBy(), occupation.updatedAt()));
        written.publishEvent(new OccupationWritten(occupation.id()));
    }

    /** What a change is measured on: the page's fields, the inputs beside it, and whether it is archived. */
    private Map<String, Object> document(Occupation occupation) {
        Map<String, Object> document = new LinkedHashMap<>(tree(occupation.page()));
        document.put("skillLevel", occupation.skillLevel());
        document.put("editorial", tree(asInput(occupation).editorial()));
        document.put("archived", occupation.archived());
        return document;
    }

    private Map<String, Object> tree(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(json.writeValueAsBytes(value), TREE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checks bean validation cannot express; the page comes back with its code system's canonical name. */
    private static CareerPage checked(OccupationInput input) {
        CareerPage page = input.page();
        List<FieldError> errors = problems(page);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new CareerPage(page.title(), CodeSystem.parse(page.codeSystem()).orElseThrow().name(),
                page.code().trim(), page.crosswalk(), page.skilledMigration(), page.publishedOverallScore(),
                page.summary(), page.aiImpact(), page.salaryBands(), page.educationPaths(), page.qualifications(),
                page.visaPathways(), page.immigrationNote(), page.suitableFor(), page.notSuitableFor(), page.careerProspects(),
                page.outlook(), page.growthAreas(), page.faq(), page.dataSources());
    }

    /**
     * What is wrong with a page beyond its bean constraints: codes, title, pay ranges. Fields that are
     * missing altogether are left to bean validation.
     */
    public static List<FieldError> problems(CareerPage page) {
        List<FieldError> errors = new ArrayList<>();
        if (page.codeSystem() != null && page.code() != null) {
            Optional<CodeSystem> system = CodeSystem.parse(page.codeSystem());
            if (system.isEmpty()) {
                errors.add(new FieldError("page.codeSystem", "must be one of " + List.of(CodeSystem.values())));
            } else if (!system.get().isValidCode(page.code().trim())) {
                errors.add(new FieldError("page.code", "is not a valid " + system.get() + " code"));
            }
        }
        for (int i = 0; i < page.crosswalk().size(); i++) {
            var other = page.crosswalk().get(i);
            if (other != null && other.codeSystem() != null && other.code() != null
                    && CodeSystem.parse(other.codeSystem()).filter(c -> c.isValidCode(other.code())).isEmpty()) {
                errors.add(new FieldError("page.crosswalk[" + i + "]", "is not a known code system with a valid code"));
            }
        }
        if (page.title() == null || isBlank(page.title().zh()) && isBlank(page.title().en())) {
            errors.add(new FieldError("page.title", "needs a Chinese or an English title"));
        } else {
            for (String language : List.of("zh", "en")) {
                String title = "zh".equals(language) ? page.title().zh() : page.title().en();
                if (title != null && title.trim().length() > MAX_TITLE_LENGTH) {
                    errors.add(new FieldError("page.title." + language,
                            "must be at most " + MAX_TITLE_LENGTH + " characters"));
                }
            }
        }
        for (int i = 0; i < page.salaryBands().size(); i++) {
            var band = page.salaryBands().get(i);
            if (band != null && band.min() != null && band.max() != null && band.min().compareTo(band.max()) > 0) {
                errors.add(new FieldError("page.salaryBands[" + i + "].max", "must not be below min"));
            }
        }
        return errors;
    }

    /** A rating keeps who set it and when until its value changes; a rating left out of the input stays. */
    private static Editorial editorial(@Nullable Editorial current, @Nullable EditorialInput input, String author,
                                      Instant now) {
        if (input == null) {
            return current;
        }
        Editorial.Rating demand = rating(current == null ? null : current.demandOutlook(), input.demandOutlook(),
                author, now);
        Editorial.Rating competition = rating(current == null ? null : current.competition(), input.competition(),
                author, now);
        return demand == null && competition == null ? null : new Editorial(demand, competition);
    }

    private static Editorial.Rating rating(@Nullable Editorial.Rating current, @Nullable Integer value, String author,
                                           Instant now) {
        if (value == null) {
            return current;
        }
        return current != null && current.value() == value ? current : new Editorial.Rating(value, author, now);
    }

    private static Integer value(@Nullable Editorial.Rating rating) {
        return rating == null ? null : rating.value();
    }

    private static String title(CareerPage page, String language) {
        LocalizedText title = page.title();
        return title.in(language).trim();
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
