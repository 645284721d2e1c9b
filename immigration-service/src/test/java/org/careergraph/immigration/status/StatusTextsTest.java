package org.careergraph.immigration.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.rules.Explanation;
import org.junit.jupiter.api.Test;

class StatusTextsTest {

    @Test
    void aTierChangeIsNamedTheWayPeopleSayIt() {
        assertEquals(new Explanation("added to the Green List at Tier 2", "列入綠名單第二級"),
                StatusTexts.reason(ImmigrationStatus.NONE, new ImmigrationStatus(2)));
        assertEquals(new Explanation("Green List Tier 2 -> Tier 1", "綠名單第二級 -> 第一級"),
                StatusTexts.reason(new ImmigrationStatus(2), new ImmigrationStatus(1)));
        assertEquals(new Explanation("removed from the Green List", "自綠名單移除"),
                StatusTexts.reason(new ImmigrationStatus(1), ImmigrationStatus.NONE));
    }

    @Test
    void everyPartThatChangedIsNamedBeforeAndAfter() {
        ImmigrationStatus before = new ImmigrationStatus(null, null, null, 0, true, false, null, null, null);
        ImmigrationStatus after = new ImmigrationStatus(null, null, true, 3, true, false, null, null, null);
        assertEquals(new Explanation("SMC wage rule met: unknown -> yes; SMC income points 0 -> 3",
                "符合技術移民工資規則：未知 -> 是；技術移民收入分數 0 -> 3"), StatusTexts.reason(before, after));

        ImmigrationStatus us = new ImmigrationStatus(null, null, null, null, null, null, List.of("PERM"), null, null);
        ImmigrationStatus more = new ImmigrationStatus(null, null, null, null, null, null, List.of("H1B", "PERM"), 2, null);
        assertEquals("US routes [PERM] -> [H1B, PERM]; H-1B selection entries - -> 2",
                StatusTexts.reason(us, more).en());

        ImmigrationStatus unknown = new ImmigrationStatus(null, null, null, null, null, null, List.of("PERM"), null, null,
                List.of("H1B", "EB2"));
        assertEquals(new Explanation("US routes [H1B, PERM] -> [PERM]; US routes not known [] -> [H1B, EB2];"
                        + " H-1B selection entries 2 -> -",
                        "美國途徑 [H1B, PERM] -> [PERM]；無法判斷的美國途徑 [] -> [H1B, EB2]；H-1B 抽籤次數 2 -> -"),
                StatusTexts.reason(more, unknown));

        ImmigrationStatus newMedian = new ImmigrationStatus(null, null, null, 0, true, false, null, null,
                new ImmigrationStatus.MedianWage(new BigDecimal("72800"), "NZD"));
        ImmigrationStatus oldMedian = new ImmigrationStatus(null, null, null, 0, true, false, null, null,
                new ImmigrationStatus.MedianWage(new BigDecimal("69804.8"), "NZD"));
        assertEquals(new Explanation("median wage a year NZD 69,804.8 -> NZD 72,800",
                "年中位工資 NZD 69,804.8 -> NZD 72,800"),
                StatusTexts.reason(oldMedian, newMedian));
    }
}
