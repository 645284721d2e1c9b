package org.careergraph.immigration.status;

import java.time.LocalDate;
import java.util.List;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.RuleBook;

/**
 * What the rules in force on a date mean for one occupation, measured at its mid-level pay (the midpoint of its
 * middle salary band) and the published figures the catalog carries. Pure: the same facts and rules always give the
 * same assessment. Each route says, in English and Chinese, what the rules ask and how the occupation measures up,
 * or which figure is missing to tell, and lists the rules it read. The countries' routes are in
 * {@link NewZealandRoutes} and {@link UnitedStatesRoutes}.
 */
final class StatusCalculator {

    private StatusCalculator() {
    }

    static Assessment assess(KnownOccupation occupation, RuleBook book, LocalDate date) {
        Country country = book.country();
        if (!country.covers(occupation.codeSystem())) {
            Route.Draft none = new Route.Draft("NOT_COVERED", new Reads());
            none.text.add(country.name() + " rules name occupations by " + codeSystems(country) + " codes; this page is "
                            + occupation.codeLabel() + ".",
                    country.name() + " 的規則以 " + codeSystems(country) + " 代碼指稱職業；本頁為 "
                            + occupation.codeLabel() + "。");
            return new Assessment(ImmigrationStatus.NONE, List.of(none.done(false)), null, null);
        }
        return country == Country.NZ ? NewZealandRoutes.assess(occupation, book, book.on(date))
                : UnitedStatesRoutes.assess(occupation, book.on(date));
    }

    private static String codeSystems(Country country) {
        return String.join("/", country.codeSystems().stream().map(Enum::name).sorted().toList());
    }
}
