package org.careergraph.scoring.rescore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.careergraph.scoring.rescore.ModelPreview.Mover;
import org.junit.jupiter.api.Test;

class ModelPreviewTest {

    @Test
    void keepsTheTwentyLargestMovesEitherWayTiesById() {
        ModelPreview.Tally tally = new ModelPreview.Tally();
        List<String> expected = new ArrayList<>();
        // 30 movers in id order, as a re-score reads them: deltas -2.5, +2.4, -2.3 ... +1.1, then ties at 0.5.
        for (int i = 0; i < 30; i++) {
            BigDecimal size = i < 15 ? new BigDecimal("2.5").subtract(new BigDecimal("0.1").multiply(
                    BigDecimal.valueOf(i))) : new BigDecimal("0.5");
            String id = "occ-%02d".formatted(i);
            tally.offer(mover(id, i % 2 == 0 ? size.negate() : size));
            if (expected.size() < ModelPreview.MOVERS) {
                expected.add(id);
            }
        }
        assertEquals(expected, tally.movers().stream().map(Mover::occupationId).toList(),
                "the 15 largest, then the first 5 of the ties at 0.5 by id");
    }

    @Test
    void aLargerMoveLaterInIdOrderStillMakesTheList() {
        ModelPreview.Tally tally = new ModelPreview.Tally();
        for (int i = 0; i < 25; i++) {
            tally.offer(mover("occ-%02d".formatted(i), new BigDecimal("0.1")));
        }
        tally.offer(mover("occ-99", new BigDecimal("-3.0")));
        List<Mover> movers = tally.movers();
        assertEquals(ModelPreview.MOVERS, movers.size());
        assertEquals("occ-99", movers.getFirst().occupationId());
        assertEquals("occ-18", movers.getLast().occupationId(), "the ties kept are the lowest ids");
    }

    private static Mover mover(String id, BigDecimal delta) {
        BigDecimal before = new BigDecimal("5.0");
        return new Mover(id, "ANZSCO", "Title", "標題", before, before.add(delta), delta);
    }
}
