package org.careergraph.events;

/** A payload record of the contract; {@link #aggregateId()} is the Kafka key and the CloudEvents subject. */
public sealed interface EventPayload
        permits OccupationChanged, PolicyUpdated, ImmigrationStatusChanged, ScoreChanged, ScoringModelChanged {

    String aggregateId();
}
