package org.careergraph.catalog.revision;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged.ChangeKind;
import org.careergraph.platform.web.ProblemException;

/** An occupation's history: every revision with what changed, who changed it and when. Public, like the pages. */
@Controller("/api/occupations/{id}/revisions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class RevisionController {

    private final RevisionRepository revisions;
    private final OccupationService occupations;

    RevisionController(RevisionRepository revisions, OccupationService occupations) {
        this.revisions = revisions;
        this.occupations = occupations;
    }

    /** Newest first, without the snapshots. */
    @Get
    List<RevisionSummary> list(@PathVariable String id) {
        if (occupations.find(id).isEmpty()) {
            throw ProblemException.notFound("No occupation " + id + ".");
        }
        return revisions.findByOccupationIdOrderByRevisionDesc(id).stream()
                .map(r -> new RevisionSummary(r.revision(), r.kind(), r.changedBy(), r.changedAt(), r.changes()))
                .toList();
    }

    @Get("/{revision}")
    Revision get(@PathVariable String id, @PathVariable @Min(1) int revision) {
        return revisions.findByOccupationIdAndRevision(id, revision)
                .orElseThrow(() -> ProblemException.notFound("Occupation " + id + " has no revision " + revision + "."));
    }

    @Serdeable
    record RevisionSummary(int revision, ChangeKind kind, String changedBy, Instant changedAt,
                           List<FieldChange> changes) {
    }
}
