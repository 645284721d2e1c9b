package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatusTextsTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Test
    void reasonsSayWhatHappenedToTheTier() {
        assertEquals("Green List Tier 2 -> Tier 1", StatusTexts.reason(2, 1));
        assertEquals("added to the Green List at Tier 1", StatusTexts.reason(null, 1));
        assertEquals("removed from the Green List", StatusTexts.reason(2, null));
    }

    @Test
    void explanationsInEnglishAndTraditionalChinese() {
        assertEquals(new Explanation("Green List Tier 1 (Straight to Residence) since 2026-12-01",
                        "綠名單第一級（直接居留），自 2026-12-01 起"),
                StatusTexts.explain(new GreenListStatus(1, DEC_1, "u"), false));
        assertEquals(new Explanation("Green List Tier 2 (Work to Residence) since 2026-12-01",
                        "綠名單第二級（工作轉居留），自 2026-12-01 起"),
                StatusTexts.explain(new GreenListStatus(2, DEC_1, "u"), false));
        assertEquals(new Explanation("Not on the Green List", "不在綠名單上"),
                StatusTexts.explain(GreenListStatus.NONE, false));
        assertEquals(new Explanation("Not on the Green List: removed from 2026-12-01",
                        "不在綠名單上：自 2026-12-01 起移除"),
                StatusTexts.explain(new GreenListStatus(null, DEC_1, "u"), false));
    }

    @Test
    void anAnnouncedStatusSaysItIsNotInForceYet() {
        Explanation explanation = StatusTexts.explain(new GreenListStatus(1, DEC_1, "u"), true);

        assertEquals("Green List Tier 1 (Straight to Residence) since 2026-12-01 (announced, not in force yet)",
                explanation.en());
        assertEquals("綠名單第一級（直接居留），自 2026-12-01 起（已公布，尚未生效）", explanation.zh());
    }
}
