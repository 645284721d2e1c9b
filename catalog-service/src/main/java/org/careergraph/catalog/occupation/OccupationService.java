package org.careergraph.catalog.occupation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.careergraph.catalog.revision.Revision;
import org.careergraph.catalog.revision.RevisionRepository;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.OccupationChanged.ChangeKind;
import org.careergraph.events.SalaryBand;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/** Writes occupations: each real change is a new revision and one {@code occupation changed} event, atomically. */
@Singleton
public class OccupationService {

    private final OccupationRepository occupations;
    private final RevisionRepository revisions;
    private final Outbox outbox;

    OccupationService(OccupationRepository occupations, RevisionRepository revisions, Outbox outbox) {
        this.occupations = occupations;
        this.revisions = revisions;
        this.outbox = outbox;
    }

    public Optional<Occupation> find(String id) {
        return occupations.findById(id);
    }

    /** A page of occupations, all of them or those changed at or after {@code changedSince}. */
    public Page<Occupation> page(@Nullable Instant changedSince, Pageable pageable) {
        return changedSince == null ? occupations.findAll(pageable)
                : occupations.findByUpdatedAtGreaterThanEquals(changedSince, pageable);
    }

    @Transactional
    public Occupation create(OccupationInput input, String author) {
        CodeSystem system = checkedCodeSystem(input);
        String id = system.occupationId(input.code().trim());
        if (occupations.existsById(id)) {
            throw ProblemException.conflict("Occupation " + id + " already exists; replace it with PUT.");
        }
        Instant now = now();
        Occupation created = occupations.save(new Occupation(id, system.name(), input.code().trim(),
                input.titleZh().trim(), input.titleEn().trim(), input.skillLevel(), bands(input), 1, now, now, author));
        record(created, ChangeKind.CREATED, diff(null, created));
        return created;
    }

    /**
     * Replaces the page. {@code ifMatch}, when given, must be the current revision's entity tag. A replacement that
     * changes nothing makes no revision and no event.
     */
    @Transactional
    public Occupation replace(String id, OccupationInput input, @Nullable String ifMatch, String author) {
        Occupation current = occupations.findByIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + id + "."));
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.etag())) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "Occupation " + id + " is at revision "
                    + current.revision() + "; If-Match named another. Read it again and reapply your change.",
                    List.of());
        }
        CodeSystem system = checkedCodeSystem(input);
        if (!system.name().equals(current.codeSystem()) || !input.code().trim().equals(current.code())) {
            throw ProblemException.invalidField("code",
                    "the code system and code make the occupation id and cannot change; create a new occupation");
        }
        Instant now = now();
        Occupation next = new Occupation(id, current.codeSystem(), current.code(), input.titleZh().trim(),
                input.titleEn().trim(), input.skillLevel(), bands(input), current.revision() + 1, current.createdAt(),
                now, author);
        List<FieldChange> changes = diff(current, next);
        if (changes.isEmpty()) {
            return current;
        }
        occupations.update(next);
        record(next, ChangeKind.UPDATED, changes);
        return next;
    }

    /** Every change is a numbered revision and one event, in the transaction that made it. */
    private void record(Occupation occupation, ChangeKind kind, List<FieldChange> changes) {
        revisions.save(new Revision(null, occupation.id(), occupation.revision(), kind,
                occupation.updatedBy(), occupation.updatedAt(), changes, occupation));
        outbox.add(new OccupationChanged(occupation.id(), occupation.revision(), kind, occupation.facts(), changes,
                occupation.updatedBy(), occupation.updatedAt()));
    }

    /** Field-level differences; against null, every field that has a value. */
    static List<FieldChange> diff(@Nullable Occupation before, Occupation after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "/titleZh", before == null ? null : before.titleZh(), after.titleZh());
        compare(changes, "/titleEn", before == null ? null : before.titleEn(), after.titleEn());
        compare(changes, "/codeSystem", before == null ? null : before.codeSystem(), after.codeSystem());
        compare(changes, "/code", before == null ? null : before.code(), after.code());
        compare(changes, "/skillLevel", before == null ? null : before.skillLevel(), after.skillLevel());
        compare(changes, "/salaryBands", before == null ? null : before.salaryBands(), after.salaryBands());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String path, @Nullable Object before,
                                @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(path, before, after));
        }
    }

    private static CodeSystem checkedCodeSystem(OccupationInput input) {
        List<FieldError> errors = new ArrayList<>();
        Optional<CodeSystem> system = CodeSystem.parse(input.codeSystem());
        if (system.isEmpty()) {
            errors.add(new FieldError("codeSystem", "must be one of " + List.of(CodeSystem.values())));
        } else if (!system.get().isValidCode(input.code().trim())) {
            errors.add(new FieldError("code", "is not a valid " + system.get() + " code"));
        }
        List<OccupationInput.Band> bands = input.salaryBands();
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).min().compareTo(bands.get(i).max()) > 0) {
                errors.add(new FieldError("salaryBands[" + i + "].max", "must not be below min"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return system.orElseThrow();
    }

    /** Amounts to two decimals, so that the same pay written as 48000 or 48000.0 is no change. */
    private static List<SalaryBand> bands(OccupationInput input) {
        return input.salaryBands().stream().map(OccupationInput.Band::toSalaryBand)
                .map(b -> new SalaryBand(b.level(), b.min().setScale(2, RoundingMode.HALF_UP),
                        b.max().setScale(2, RoundingMode.HALF_UP), b.currency(), b.note()))
                .toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
