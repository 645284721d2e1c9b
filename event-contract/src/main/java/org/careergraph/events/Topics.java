package org.careergraph.events;

import java.util.List;

/** Kafka topics: one per publishing aggregate, keyed by the aggregate id. */
public final class Topics {

    public static final String OCCUPATIONS = "careergraph.occupations";
    public static final String IMMIGRATION_POLICIES = "careergraph.immigration-policies";
    public static final String IMMIGRATION_STATUSES = "careergraph.immigration-statuses";
    public static final String SCORES = "careergraph.scores";
    public static final String SCORING_MODELS = "careergraph.scoring-models";

    /** Every topic of the system, without its dead-letter twin. */
    public static final List<String> ALL = List.of(OCCUPATIONS, IMMIGRATION_POLICIES, IMMIGRATION_STATUSES, SCORES,
            SCORING_MODELS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** Where records that could not be processed go, with their origin in headers. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
