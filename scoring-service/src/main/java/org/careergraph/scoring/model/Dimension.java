package org.careergraph.scoring.model;

import java.util.Arrays;
import java.util.Optional;

/** The eight rating dimensions, each 0-10 and higher is better for the person; named as the career pages name them. */
public enum Dimension {

    INCOME("income", "income", "收入"),
    DEMAND_OUTLOOK("demandOutlook", "demand_outlook", "需求前景"),
    PR_FRIENDLINESS("prFriendliness", "pr_friendliness", "PR 友善"),
    /** Higher = safer from AI. */
    AI_RISK("aiRisk", "ai_risk", "AI 風險"),
    /** Higher = less competition. */
    COMPETITION("competition", "competition", "競爭強度"),
    /** Higher = shorter. */
    LEARNING_DURATION("learningDuration", "learning_duration", "學習時長"),
    /** Higher = lighter. */
    CERTIFICATION("certification", "certification", "認證"),
    /** Higher = easier. */
    PR_DIFFICULTY("prDifficulty", "pr_difficulty", "PR 難度");

    private final String key;
    private final String column;
    private final String nameZh;

    Dimension(String key, String column, String nameZh) {
        this.key = key;
        this.column = column;
        this.nameZh = nameZh;
    }

    /** The name in JSON, in events and in the API. */
    public String key() {
        return key;
    }

    /** The score table's column. */
    public String column() {
        return column;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<Dimension> parse(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
