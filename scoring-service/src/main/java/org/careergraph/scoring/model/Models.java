package org.careergraph.scoring.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.careergraph.events.FieldChange;
import org.careergraph.events.ScoringModelChanged;
import org.careergraph.platform.outbox.Outbox;

/** The scoring model versions: the one in force and the ones before it. */
@Singleton
public class Models {

    /** Who puts in force the models the service ships. */
    public static final String SHIPPED_BY = "scoring-service";

    /** Version 1, as the service first shipped it. */
    static final ModelVersion SHIPPED = new ModelVersion(1, ScoringModel.MODEL_1, "the model the service ships with",
            SHIPPED_BY, Instant.EPOCH);

    /** Why the service moves a catalog it scored under the shipped formula 1 to formula 2. */
    public static final String MODEL_2_NOTE = "scoring model 2, as the service ships it: scores from the official "
            + "releases' figures (docs/scoring.md)";

    private final ModelVersionRepository versions;
    private final Outbox outbox;
    private final Clock clock;

    Models(ModelVersionRepository versions, Outbox outbox, Clock clock) {
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the shipped model on first start, so that it is listed like any later one. */
    @Transactional
    public void storeShipped() {
        if (versions.findLatest().isEmpty()) {
            versions.save(SHIPPED);
        }
    }

    /**
     * The shipped model 2 is due when the model in force is one the service shipped under formula 1; a model an
     * admin put in force stays until an admin puts another.
     */
    @Transactional
    public boolean shippedModelDue() {
        ModelVersion current = active();
        return current.createdBy().equals(SHIPPED_BY) && current.model().rules() < ScoringModel.MODEL_2.rules();
    }

    @Transactional
    public ModelVersion active() {
        return versions.findLatest().orElse(SHIPPED);
    }

    @Transactional
    public Optional<ModelVersion> find(int version) {
        return versions.findById(version).or(() -> version == SHIPPED.version() ? Optional.of(SHIPPED)
                : Optional.empty());
    }

    /**
     * Puts {@code model} in force as the next version and publishes {@code scoring model changed}, unless it is the
     * model in force already.
     *
     * @return the new version and the id of its event, or empty when nothing changed
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Change> put(ScoringModel model, @Nullable String note, String admin) {
        ModelVersion current = versions.lockLatest().orElse(null);
        if (current == null) {
            current = versions.save(SHIPPED);
        }
        List<FieldChange> changes = differences(current.model(), model);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ModelVersion next = versions.save(new ModelVersion(current.version() + 1, model, note, admin, now));
        String eventId = outbox.add(new ScoringModelChanged(next.name(), current.name(), note, changes, admin, now));
        return Optional.of(new Change(current, next, changes, eventId));
    }

    /** The parameters that differ, as JSON paths ("/weights/income") with before and after. */
    public static List<FieldChange> differences(ScoringModel before, ScoringModel after) {
        Map<String, Object> old = before.parameters();
        return after.parameters().entrySet().stream()
                .filter(p -> !Objects.equals(old.get(p.getKey()), p.getValue()))
                .map(p -> new FieldChange(p.getKey(), old.get(p.getKey()), p.getValue())).toList();
    }

    /** A new model in force: the one before, the new one, what differs, and the event that says so. */
    public record Change(ModelVersion before, ModelVersion after, List<FieldChange> changes, String eventId) {

        public String reason() {
            // A new formula changes many parameters at once: the formula says it all.
            String what = changes.stream().anyMatch(c -> c.path().equals(ScoringModel.FORMULA))
                    ? "formula " + before.model().rules() + " -> " + after.model().rules() + ", " + changes.size()
                    + " parameters" : String.join(", ", changes.stream().map(c -> c.path() + " " + c.before()
                    + " -> " + c.after()).toList());
            return "scoring model " + before.name() + " -> " + after.name() + " (" + what + ")"
                    + (after.note() == null || after.note().isBlank() ? "" : ": " + after.note());
        }
    }
}
