package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import org.careergraph.immigration.occupation.KnownOccupation;

/**
 * The degree a US occupation needs, from the first published figure there is: BLS's typical entry education, else
 * O*NET's job zone; {@code level} is null when neither is published (the page's words are not read for it).
 * {@code en} and {@code zh} name the figure and its release, as the start of a sentence's reason.
 */
record RequiredDegree(@Nullable DegreeLevel level, String en, String zh) {

    static RequiredDegree of(KnownOccupation occupation) {
        if (occupation.entryEducation() != null) {
            String source = occupation.entryEducationSource() == null ? "BLS Employment Projections"
                    : occupation.entryEducationSource();
            return new RequiredDegree(DegreeLevel.ofEntryEducation(occupation.entryEducation()),
                    "The typical entry education is \"" + occupation.entryEducation() + "\" (" + source + ")",
                    "典型入行學歷為「" + occupation.entryEducation() + "」（" + source + "）");
        }
        Integer zone = occupation.jobZone();
        if (zone != null && zone >= 1 && zone <= 5) {
            String source = occupation.jobZoneSource() == null ? "O*NET" : occupation.jobZoneSource();
            return new RequiredDegree(DegreeLevel.ofJobZone(zone),
                    "BLS publishes no typical entry education for it; its job zone is " + zone + " ("
                            + JOB_ZONES_EN[zone - 1] + "; " + source + ")",
                    "BLS 未公布其典型入行學歷；其工作區為 " + zone + "（" + JOB_ZONES_ZH[zone - 1] + "；" + source + "）");
        }
        return new RequiredDegree(null, "BLS publishes no typical entry education for " + occupation.codeLabel()
                + " and O*NET no job zone", "BLS 未公布 " + occupation.codeLabel() + " 的典型入行學歷，O*NET 也沒有其工作區");
    }

    /** O*NET's name for each job zone, and what it means for a degree. */
    private static final String[] JOB_ZONES_EN = {
            "little or no preparation needed: below a bachelor's degree",
            "some preparation needed: below a bachelor's degree",
            "medium preparation needed: below a bachelor's degree",
            "considerable preparation needed: most need a bachelor's degree",
            "extensive preparation needed: most need graduate school, taken as a master's degree"};
    private static final String[] JOB_ZONES_ZH = {
            "幾乎不需準備：低於學士學位", "需要一些準備：低於學士學位", "需要中等準備：低於學士學位",
            "需要相當多準備：多數需要學士學位", "需要大量準備：多數需要研究所學歷，視為碩士學位"};
}
