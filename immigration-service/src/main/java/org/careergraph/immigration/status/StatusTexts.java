package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;

/** What a Green List status and a change of it mean, in words: English for the reason, English and Chinese for readers. */
public final class StatusTexts {

    private StatusTexts() {
    }

    /** Why an event says the status changed, e.g. "Green List Tier 2 -> Tier 1". */
    public static String reason(@Nullable Integer before, @Nullable Integer after) {
        if (before == null) {
            return "added to the Green List at Tier " + after;
        }
        if (after == null) {
            return "removed from the Green List";
        }
        return "Green List Tier " + before + " -> Tier " + after;
    }

    /** The status in words; {@code announced}: it rests on a rule whose date has not come yet. */
    public static Explanation explain(GreenListStatus status, boolean announced) {
        String en;
        String zh;
        if (status.tier() == null) {
            en = "Not on the Green List";
            zh = "不在綠名單上";
            if (status.since() != null) {
                en += ": removed from " + status.since();
                zh += "：自 " + status.since() + " 起移除";
            }
        } else {
            en = tierEn(status.tier()) + " since " + status.since();
            zh = tierZh(status.tier()) + "，自 " + status.since() + " 起";
        }
        if (announced) {
            en += " (announced, not in force yet)";
            zh += "（已公布，尚未生效）";
        }
        return new Explanation(en, zh);
    }

    static String tierEn(int tier) {
        return tier == 1 ? "Green List Tier 1 (Straight to Residence)" : "Green List Tier 2 (Work to Residence)";
    }

    static String tierZh(int tier) {
        return tier == 1 ? "綠名單第一級（直接居留）" : "綠名單第二級（工作轉居留）";
    }
}
