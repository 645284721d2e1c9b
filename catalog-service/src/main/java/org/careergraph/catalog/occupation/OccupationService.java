package org.careergraph.catalog.occupation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
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
import org.careergraph.catalog.Versions;
import org.careergraph.catalog.occupation.OccupationInput.EditorialInput;
import org.careergraph.catalog.occupation.Provenance.Kind;
import org.careergraph.catalog.occupation.Provenance.Source;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.OfficialRecord;
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
import org.careergraph.platform.web.StrictJson;

/**
 * Writes occupations. Every real change, whatever the write path, is one new revision and one
 * {@code occupation changed} event, committed with the occupation; a write that changes nothing makes neither.
 */
@Singleton
public class OccupationService {

    private static final Argument<Map<String, Object>> TREE = Argument.mapOf(String.class, Object.class);
    /** Titles are columns too (VARCHAR(200)), for listing. */
    private static final int MAX_TITLE_LENGTH = 200;
    /** What a page's text can hold: everything but the official record. */
    private static final List<String> PAGE_FIELDS_OF_TEXT = List.of("/title/zh", "/title/en", "/crosswalk",
            "/skilledMigration", "/publishedOverallScore", "/summary", "/aiImpact", "/salaryBands", "/educationPaths",
            "/qualifications", "/visaPathways", "/immigrationNote", "/suitableFor", "/notSuitableFor",
            "/careerProspects", "/outlook", "/growthAreas", "/faq", "/dataSources");
    /** Fields that carry their own who and when, or are a state rather than a value. */
    private static final Set<String> UNSOURCED_FIELDS = Set.of("/editorial", "/archived");

    private final OccupationRepository occupations;
    private final RevisionRepository revisions;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher<OccupationWritten> written;
    private final ClassificationCheck classification;
    private final Attributions attributions;
    private final Clock clock;

    OccupationService(OccupationRepository occupations, RevisionRepository revisions, Outbox outbox, JsonMapper json,
                      Validator validator, ApplicationEventPublisher<OccupationWritten> written,
                      ClassificationCheck classification, Attributions attributions, Clock clock) {
        this.classification = classification;
        this.attributions = attributions;
        this.clock = clock;
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
        CareerPage page = checked(input.page());
        String id = idOf(page);
        if (occupations.existsById(id)) {
            throw ProblemException.conflict("Occupation " + id + " already exists; replace it with PUT.");
        }
        Instant now = now();
        return write(null, new Occupation(id, page.codeSystem(), page.code(), title(page, "zh"), title(page, "en"),
                input.skillLevel(), page, editorial(null, input.editorial(), author, now), false, 1, now, now, author,
                null, null), Source.of(Kind.EDITORIAL, author, now));
    }

    /** Replaces the page and its inputs; {@code ifMatch}, when given, must be the current revision's entity tag. */
    @Transactional
    public Occupation replace(String id, OccupationInput input, @Nullable String ifMatch, String author) {
        Occupation current = lockedForWrite(id, ifMatch);
        CareerPage page = checked(input.page());
        if (!idOf(page).equals(id)) {
            throw ProblemException.invalidField("page.code",
                    "the code system and code make the occupation id (" + id + ") and cannot change");
        }
        Instant now = now();
        return write(current, next(current, keepingOfficial(page, current), input.skillLevel(),
                editorial(current.editorial(), input.editorial(), author, now), current.archived(), now, author,
                current.provenance()), Source.of(Kind.EDITORIAL, author, now));
    }

    /**
     * A write that leaves the official record out keeps it: what releases hold is not the editor's to drop by
     * omission (an edit to a part of it is an edit, and that part is the editor's from then on).
     */
    private static CareerPage keepingOfficial(CareerPage page, Occupation current) {
        return page.official().equals(OfficialRecord.NONE) ? page.withOfficial(current.page().official()) : page;
    }

    /** Applies a JSON merge patch (RFC 7396) to the occupation as a client writes it, then replaces it. */
    @Transactional
    public Occupation patch(String id, Map<String, Object> mergePatch, @Nullable String ifMatch, String author) {
        Occupation current = lockedForWrite(id, ifMatch);
        Map<String, Object> patched = MergePatch.apply(tree(asInput(current)), mergePatch);
        OccupationInput input;
        try {
            // The patch is read as strictly as a whole body: no field the occupation lacks, no value of another type.
            byte[] bytes = json.writeValueAsBytes(patched);
            List<FieldError> errors = StrictJson.check(bytes, OccupationInput.class);
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "The patched occupation is not valid.", errors);
            }
            input = json.readValue(bytes, OccupationInput.class);
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The patched occupation is not valid.", List.of());
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
        return write(current, next(current, current.page(), current.skillLevel(), current.editorial(), archived, now,
                author, current.provenance()), null);
    }

    /**
     * Writes an occupation as a catalog export holds it: creates it or replaces it, archived or not, in one
     * revision. With {@code sources} (an export's), every value keeps the source the export named; without, the
     * values that change are an editor's.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Occupation restore(OccupationInput input, boolean archived, @Nullable Provenance sources, String author) {
        CareerPage page = checked(input.page());
        String id = idOf(page);
        Instant now = now();
        Source edit = sources == null ? Source.of(Kind.EDITORIAL, author, now) : null;
        Optional<Occupation> existing = occupations.findByIdForUpdate(id);
        if (existing.isEmpty()) {
            return write(null, new Occupation(id, page.codeSystem(), page.code(), title(page, "zh"),
                    title(page, "en"), input.skillLevel(), page, editorial(null, input.editorial(), author, now),
                    archived, 1, now, now, author, sources, null), edit);
        }
        Occupation current = existing.get();
        return write(current, next(current, keepingOfficial(page, current), input.skillLevel(),
                editorial(current.editorial(), input.editorial(), author, now), archived, now, author,
                sources == null ? current.provenance() : sources), edit);
    }

    /**
     * Writes a career page read from its text. A new occupation is created; an existing one takes every section
     * the text has, and keeps its skill level, its editorial ratings, its official record and every value a
     * release or a translation set that the text does not give (a seed page merges into the official record for
     * its code). Sections the text changes are from a page import from now on.
     */
    @Transactional
    public Occupation importPage(CareerPage page, String author) {
        CareerPage checked = checked(page);
        String id = idOf(checked);
        Instant now = now();
        Source source = Source.of(Kind.PAGE_IMPORT, author, now);
        Optional<Occupation> existing = occupations.findByIdForUpdate(id);
        if (existing.isEmpty()) {
            return write(null, new Occupation(id, checked.codeSystem(), checked.code(), title(checked, "zh"),
                    title(checked, "en"), null, checked, null, false, 1, now, now, author, null, null), source);
        }
        Occupation current = existing.get();
        Map<String, Object> merged = tree(current.page());
        Map<String, Object> incoming = tree(checked);
        for (String field : PAGE_FIELDS_OF_TEXT) {
            Object value = get(incoming, field);
            if (!isEmpty(value) || !keptWithoutText(current.provenance().of(field))) {
                set(merged, field, value);
            }
        }
        CareerPage mergedPage = checked(fromTree(merged, CareerPage.class));
        return write(current, next(current, mergedPage, current.skillLevel(), current.editorial(),
                current.archived(), now, author, current.provenance()), source);
    }

    /**
     * Sets what releases say of one occupation, field by field ({@code /official/wages}, {@code /title/en},
     * {@code /skillLevel}; a null value removes it, and its source), each with its source. A field is set only when
     * it is empty and nobody set it, or when an older release of the same series (or the same release) set it: a
     * value an editor, a page import or another series set stays. An occupation that does not exist yet is created.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ReleaseWrite applyRelease(CodeSystem system, String code, Map<String, Object> values,
                                     Map<String, Source> sources, String author) {
        String id = system.occupationId(code);
        Occupation current = occupations.findByIdForUpdate(id).orElse(null);
        Map<String, Object> document = current == null
                ? new LinkedHashMap<>(Map.of("title", new LinkedHashMap<>(), "codeSystem", system.name(),
                "code", code))
                : document(current);
        Provenance provenance = current == null ? Provenance.NONE : current.provenance();
        Map<String, Source> taken = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            Source held = provenance.of(field);
            Source incoming = sources.get(field);
            if (held == null ? isEmpty(get(document, field)) : held.yieldsTo(incoming)) {
                set(document, field, plain(value));
                taken.put(field, isEmpty(value) ? null : incoming);
            }
        });
        Instant now = now();
        Integer skillLevel = (Integer) document.remove("skillLevel");
        document.remove("editorial");
        document.remove("archived");
        CareerPage page = fromTree(document, CareerPage.class);
        if (current == null) {
            return new ReleaseWrite(write(null, new Occupation(id, system.name(), code, title(page, "zh"),
                    title(page, "en"), skillLevel, checked(page), null, false, 1, now, now, author,
                    provenance.with(taken), null), null), Change.CREATED);
        }
        Occupation written = write(current, next(current, checked(page), skillLevel, current.editorial(),
                current.archived(), now, author, provenance.with(taken)), null);
        return new ReleaseWrite(written, written.revision() == current.revision() ? Change.UNCHANGED : Change.UPDATED);
    }

    /** What a release did to one occupation. */
    public record ReleaseWrite(Occupation occupation, Change change) {
    }

    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** Recomputes the findings of an occupation (the classification in force changed); no revision. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Occupation recheck(String id) {
        Occupation current = occupations.findByIdForUpdate(id).orElseThrow();
        Occupation checked = current.withProvenanceAndFindings(current.provenance(),
                classification.findings(current));
        if (!Objects.equals(checked.findings(), current.findings())) {
            updateQuietly(checked);
        }
        return checked;
    }

    /**
     * Sources or findings moved but no value did: no revision and no event, but a new {@code updated_at}, so that
     * search indexes (this one now, the other replicas' at their next catch-up), kept answers and syncing clients
     * see it, even within the millisecond of the occupation's last write.
     */
    private void updateQuietly(Occupation occupation) {
        occupations.update(occupation.id(), occupation.provenance(), occupation.findings(),
                Versions.next(occupation.updatedAt(), now()));
        written.publishEvent(new OccupationWritten(occupation.id()));
    }

    /** The ids of every occupation in a code system. */
    public List<String> idsIn(CodeSystem system) {
        return occupations.findIdByCodeSystem(system.name());
    }

    /** The occupations with data-quality findings, in id order. */
    public List<Occupation> withFindings() {
        return occupations.findByFindingsIsNotNullOrderById();
    }

    /** The occupation as a client would write it, for merge patches and export. */
    public OccupationInput asInput(Occupation occupation) {
        Editorial editorial = occupation.editorial();
        return new OccupationInput(occupation.page(), occupation.skillLevel(), editorial == null ? null
                : new EditorialInput(value(editorial.demandOutlook()), value(editorial.competition())));
    }

    private Occupation next(Occupation current, CareerPage page, @Nullable Integer skillLevel,
                            @Nullable Editorial editorial, boolean archived, Instant now, String author,
                            Provenance provenance) {
        return new Occupation(current.id(), current.codeSystem(), current.code(), title(page, "zh"),
                title(page, "en"), skillLevel, page, editorial, archived, current.revision() + 1,
                current.createdAt(), now, author, provenance, current.findings());
    }

    /**
     * Stores the next version if any value changed: one revision and one event. The fields that changed are from
     * {@code source} from now on (when given; a release names its own sources). Where only sources or findings
     * moved (a newer release confirms a figure), they are updated without a revision: no value changed.
     */
    private Occupation write(@Nullable Occupation current, Occupation next, @Nullable Source source) {
        Map<String, Object> after = document(next);
        List<FieldChange> changes = PageDiff.between(current == null ? null : document(current), after);
        Provenance provenance = next.provenance();
        if (source != null) {
            List<FieldChange> fields = current == null ? PageDiff.between(Map.of(), after) : changes;
            provenance = provenance.with(fields.stream().map(c -> Provenance.fieldOf(c.path()))
                    .filter(field -> !UNSOURCED_FIELDS.contains(field)).distinct().toList(), source);
        }
        Occupation written = next.withProvenanceAndFindings(provenance, classification.findings(next));
        if (current != null && changes.isEmpty()) {
            if (provenance.equals(current.provenance()) && Objects.equals(written.findings(), current.findings())) {
                return current;
            }
            Occupation quiet = current.withProvenanceAndFindings(provenance, written.findings());
            updateQuietly(quiet);
            return quiet;
        }
        if (current == null) {
            occupations.save(written);
            record(written, ChangeKind.CREATED, changes);
        } else {
            occupations.update(written);
            record(written, ChangeKind.UPDATED, changes);
        }
        return written;
    }

    private Occupation lockedForWrite(String id, @Nullable String ifMatch) {
        Occupation current = occupations.findByIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + "."));
        if (ifMatch != null && !current.matches(ifMatch)) {
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
        outbox.add(new OccupationChanged(occupation.id(), occupation.revision(), kind,
                occupation.facts(attributions::releaseName), changes,
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
    private static CareerPage checked(CareerPage page) {
        List<FieldError> errors = problems(page);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new CareerPage(page.title(), CodeSystem.parse(page.codeSystem()).orElseThrow().name(),
                page.code().trim(), page.crosswalk(), page.skilledMigration(), page.publishedOverallScore(),
                page.summary(), page.aiImpact(), page.salaryBands(), page.educationPaths(), page.qualifications(),
                page.visaPathways(), page.immigrationNote(), page.suitableFor(), page.notSuitableFor(), page.careerProspects(),
                page.outlook(), page.growthAreas(), page.faq(), page.dataSources(), page.official());
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A value a release or a translation set stays when a page's text has nothing for it. */
    private static boolean keptWithoutText(@Nullable Source source) {
        return source != null && (source.kind() == Kind.RELEASE || source.kind() == Kind.EDITORIAL_TRANSLATION);
    }

    /** The value at a field ({@code /title/en}, {@code /official/wages}, {@code /skillLevel}) of a document. */
    private static @Nullable Object get(Map<String, Object> document, String field) {
        String[] segments = field.substring(1).split("/");
        Object value = document.get(segments[0]);
        return segments.length == 1 ? value : value instanceof Map<?, ?> map ? map.get(segments[1]) : null;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> document, String field, @Nullable Object value) {
        String[] segments = field.substring(1).split("/");
        if (segments.length == 1) {
            document.put(segments[0], value);
        } else {
            Object parent = document.get(segments[0]);
            Map<String, Object> map = parent instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            map.put(segments[1], value);
            document.put(segments[0], map);
        }
    }

    private static boolean isEmpty(@Nullable Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.values().stream().allMatch(OccupationService::isEmpty);
    }

    /** A value as a JSON tree (maps, lists, strings, numbers), as documents hold them. */
    private @Nullable Object plain(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        try {
            return json.readValue(json.writeValueAsBytes(value), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T fromTree(Map<String, Object> tree, Class<T> type) {
        try {
            return json.readValue(json.writeValueAsBytes(tree), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
