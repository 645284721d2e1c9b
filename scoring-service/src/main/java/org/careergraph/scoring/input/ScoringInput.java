package org.careergraph.scoring.input;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.OccupationFacts;

/**
 * Everything the model reads about one occupation, as the latest events carried it, and where each part came from.
 * {@code facts} is null while only immigration news has arrived: nothing is rated before the catalog has spoken.
 *
 * @param revision      the catalog revision the facts are from
 * @param statusCountry the country whose rules the status reads (NZ, US)
 * @param statusFrom    the day the status took effect
 */
@MappedEntity("scoring_input")
public record ScoringInput(
        @Id String occupationId,
        @Nullable @TypeDef(type = DataType.JSON) OccupationFacts facts,
        @Nullable Integer revision,
        @Nullable @TypeDef(type = DataType.JSON) ImmigrationStatus status,
        @Nullable String statusCountry,
        @Nullable LocalDate statusFrom,
        Instant updatedAt) {

    public static ScoringInput none(String occupationId) {
        return new ScoringInput(occupationId, null, null, null, null, null, Instant.EPOCH);
    }

    public boolean factsKnown() {
        return facts != null;
    }

    public ScoringInput withFacts(OccupationFacts facts, int revision) {
        return new ScoringInput(occupationId, facts, revision, status, statusCountry, statusFrom, updatedAt);
    }

    public ScoringInput withStatus(ImmigrationStatus status, String country, LocalDate from) {
        return new ScoringInput(occupationId, facts, revision, status, country, from, updatedAt);
    }

    public ScoringInput touched(Instant at) {
        return new ScoringInput(occupationId, facts, revision, status, statusCountry, statusFrom, at);
    }
}
