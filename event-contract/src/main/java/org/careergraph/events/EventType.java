package org.careergraph.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types of the system: past-tense facts, versioned in the CloudEvents type. Each type names the topic it
 * travels on and the record its JSON payload binds to.
 */
public enum EventType {

    OCCUPATION_CHANGED("careergraph.occupation.changed.v1", Topics.OCCUPATIONS, OccupationChanged.class),
    POLICY_UPDATED("careergraph.immigration.policy-updated.v1", Topics.IMMIGRATION_POLICIES, PolicyUpdated.class),
    IMMIGRATION_STATUS_CHANGED("careergraph.immigration.status-changed.v1", Topics.IMMIGRATION_STATUSES,
            ImmigrationStatusChanged.class),
    SCORE_CHANGED("careergraph.score.changed.v1", Topics.SCORES, ScoreChanged.class),
    SCORING_MODEL_CHANGED("careergraph.scoring.model-changed.v1", Topics.SCORING_MODELS, ScoringModelChanged.class);

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String type, String topic, Class<? extends EventPayload> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Empty for types this version of the contract does not know: consumers skip those. */
    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The type whose payload binds to this record. */
    public static EventType ofPayloadType(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payloadType));
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType.isInstance(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payload.getClass()));
    }
}
