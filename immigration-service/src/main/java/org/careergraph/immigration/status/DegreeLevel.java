package org.careergraph.immigration.status;

import java.util.Locale;

/**
 * The least degree an occupation needs, read from a published figure: BLS's typical entry education, or where BLS
 * publishes none, the O*NET job zone. US routes turn on it: H-1B wants a bachelor's, EB-2 an advanced degree.
 */
enum DegreeLevel {
    NONE, BACHELOR, MASTERS, DOCTORATE;

    /**
     * The degree BLS's typical entry education names ("Bachelor's degree", "Master's degree", "Doctoral or
     * professional degree"); none for the others (associate's, postsecondary awards, high school, none).
     */
    static DegreeLevel ofEntryEducation(String education) {
        String text = education.toLowerCase(Locale.ROOT);
        if (text.startsWith("doctoral")) {
            return DOCTORATE;
        }
        if (text.startsWith("master")) {
            return MASTERS;
        }
        return text.startsWith("bachelor") ? BACHELOR : NONE;
    }

    /**
     * What O*NET says most occupations of a job zone need: zone 5 graduate school (taken as a master's), zone 4 a
     * bachelor's degree, zones 1-3 less than a bachelor's.
     */
    static DegreeLevel ofJobZone(int zone) {
        return zone >= 5 ? MASTERS : zone == 4 ? BACHELOR : NONE;
    }

    boolean atLeast(DegreeLevel other) {
        return compareTo(other) >= 0;
    }
}
