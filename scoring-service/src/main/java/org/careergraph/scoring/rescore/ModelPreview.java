package org.careergraph.scoring.rescore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationFacts;
import org.careergraph.scoring.model.Dimension;
import org.careergraph.scoring.score.Scorer.Rescored;
import org.careergraph.scoring.score.StoredScore;

/**
 * What putting a model in force would do to the stored scores, nothing stored.
 *
 * @param sameAsCurrent   the model in force: putting it re-scores nothing, and {@code changed} counts the stored
 *                        scores that differ from a fresh computation (0 unless a change was missed)
 * @param total           occupations a re-score job would score (archived ones too)
 * @param changed         how many overall scores would move
 * @param movers          the largest moves of the overall, largest first, ties by id
 * @param dimensionsMoved per dimension, how many occupations' rating of it would move
 */
@Serdeable
public record ModelPreview(int currentVersion, boolean sameAsCurrent, List<FieldChange> changedParameters, int total,
                           int changed, List<Mover> movers, Map<String, Integer> dimensionsMoved) {

    static final int MOVERS = 20;

    /** An occupation whose overall would move; {@code before} is null when it was never scored (delta = after). */
    @Serdeable
    public record Mover(String occupationId, String codeSystem, @Nullable String titleEn, @Nullable String titleZh,
                        @Nullable BigDecimal before, BigDecimal after, BigDecimal delta) {
    }

    /** Counts as the occupations stream by and keeps only the top movers, so the catalog's size costs no memory. */
    static final class Tally {

        static final Comparator<Mover> LARGEST_FIRST = Comparator.comparing((Mover m) -> m.delta().abs())
                .reversed().thenComparing(Mover::occupationId);

        // Its head is the smallest mover kept, the one to drop when a larger one comes.
        private final PriorityQueue<Mover> top = new PriorityQueue<>(LARGEST_FIRST.reversed());
        private final Map<String, Integer> dimensionsMoved = new LinkedHashMap<>();
        private int total;
        private int changed;

        Tally() {
            for (Dimension dimension : Dimension.values()) {
                dimensionsMoved.put(dimension.key(), 0);
            }
        }

        void add(Rescored rescored) {
            total++;
            StoredScore before = rescored.before();
            Map<String, BigDecimal> after = rescored.result().score().dimensions();
            for (Dimension dimension : Dimension.values()) {
                if (!same(before == null ? null : before.value(dimension), after.get(dimension.key()))) {
                    dimensionsMoved.merge(dimension.key(), 1, Integer::sum);
                }
            }
            BigDecimal overall = rescored.result().score().overall();
            if (before == null || before.overall().compareTo(overall) != 0) {
                changed++;
                OccupationFacts facts = rescored.input().facts();
                BigDecimal from = before == null ? null : before.overall();
                offer(new Mover(rescored.input().occupationId(), facts.codeSystem(), facts.titleEn(),
                        facts.titleZh(), from, overall, from == null ? overall : overall.subtract(from)));
            }
        }

        void offer(Mover mover) {
            top.add(mover);
            if (top.size() > MOVERS) {
                top.poll();
            }
        }

        List<Mover> movers() {
            return top.stream().sorted(LARGEST_FIRST).toList();
        }

        ModelPreview preview(int currentVersion, List<FieldChange> changedParameters) {
            return new ModelPreview(currentVersion, changedParameters.isEmpty(), changedParameters, total, changed, movers(),
                    dimensionsMoved);
        }

        /** Numerically equal, or both not rated: 7.0 stored and read back as 7.00 is no move. */
        private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }
}
