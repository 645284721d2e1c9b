package org.careergraph.notification.notice;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationChanged;

/**
 * The kinds of change a subscriber can choose to hear about. A subscription keeps its choice, and a notice the kinds
 * it is, as bits of one number, so that matching is one AND in SQL. The bits are stored: never renumber them.
 */
public enum NoticeKind {
    SCORE(1),
    IMMIGRATION_STATUS(2),
    /** An announced (possibly future) policy update, or its withdrawal. */
    POLICY(4),
    SALARY(8),
    AI_IMPACT(16),
    /** Any field of the career page, the salary and AI impact sections included. */
    CATALOG(32);

    public static final int ALL = 63;

    private final int bit;

    NoticeKind(int bit) {
        this.bit = bit;
    }

    public static int mask(Collection<NoticeKind> kinds) {
        return kinds.stream().mapToInt(k -> k.bit).reduce(0, (a, b) -> a | b);
    }

    public static List<NoticeKind> of(int mask) {
        return Arrays.stream(values()).filter(k -> (mask & k.bit) != 0).toList();
    }

    /** A new page brings salary and AI impact too; an edit is salary or AI impact when it changed those sections. */
    public static int ofCatalogChange(OccupationChanged change) {
        if (change.kind() == OccupationChanged.ChangeKind.CREATED) {
            return CATALOG.bit | SALARY.bit | AI_IMPACT.bit;
        }
        int kinds = CATALOG.bit;
        for (FieldChange field : change.changes()) {
            String path = field.path().startsWith("/") ? field.path().substring(1) : field.path();
            if (path.startsWith("salaryBands") || path.startsWith("official/wages")) {
                kinds |= SALARY.bit;
            } else if (path.startsWith("aiImpact") || path.startsWith("official/llmExposure")
                    || path.startsWith("official/aiApplicability")) {
                kinds |= AI_IMPACT.bit;
            }
        }
        return kinds;
    }

    public int bit() {
        return bit;
    }
}
