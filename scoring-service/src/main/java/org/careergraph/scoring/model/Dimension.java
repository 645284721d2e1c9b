package org.careergraph.scoring.model;

import java.util.Arrays;
import java.util.Optional;

/** The eight rating dimensions of the career pages, each 0-10 and higher is better for the person. */
public enum Dimension {

    INCOME("income", "income"),
    DEMAND_OUTLOOK("demandOutlook", "demand_outlook"),
    PR_FRIENDLINESS("prFriendliness", "pr_friendliness"),
    /** Higher = safer from AI. */
    AI_RISK("aiRisk", "ai_risk"),
    /** Higher = less competition. */
    COMPETITION("competition", "competition"),
    /** Higher = shorter. */
    LEARNING_DURATION("learningDuration", "learning_duration"),
    /** Higher = lighter. */
    CERTIFICATION("certification", "certification"),
    /** Higher = easier. */
    PR_DIFFICULTY("prDifficulty", "pr_difficulty");

    private final String key;
    private final String column;

    Dimension(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** The name in JSON, in events and in the API. */
    public String key() {
        return key;
    }

    /** The score table's column. */
    public String column() {
        return column;
    }

    public static Optional<Dimension> parse(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
