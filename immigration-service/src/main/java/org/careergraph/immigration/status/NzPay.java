package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;
import org.careergraph.immigration.status.Route.UnknownBecause;

/**
 * An occupation's mid-level pay as an hourly rate in NZD, which the New Zealand pay rules measure, or why there is
 * none: the page gives no NZD salary band (ANZSCO publishes no pay, so most ANZSCO occupations have none), or no
 * hours rule turns a yearly salary into an hourly rate.
 */
record NzPay(@Nullable BigDecimal annual, @Nullable BigDecimal hourly, int hours, String codeSystem,
             @Nullable UnknownBecause missing) {

    static final BigDecimal WEEKS_A_YEAR = BigDecimal.valueOf(52);

    static NzPay of(KnownOccupation occupation, RulesOn rules, Reads reads) {
        SalaryBand band = occupation.midLevelBand();
        Optional<Rule> hoursRule = reads.read(rules.setting(RuleKind.STANDARD_WEEKLY_HOURS));
        if (band == null || !rules.country().currency().equals(band.currency())) {
            return new NzPay(null, null, 0, occupation.codeSystem(), UnknownBecause.NO_PAY_FIGURE);
        }
        if (hoursRule.isEmpty()) {
            return new NzPay(band.midpoint(), null, 0, occupation.codeSystem(), UnknownBecause.NO_RULE);
        }
        int hours = Integer.parseInt(hoursRule.get().value());
        BigDecimal annual = band.midpoint();
        return new NzPay(annual, annual.divide(WEEKS_A_YEAR.multiply(BigDecimal.valueOf(hours)), 2,
                RoundingMode.HALF_UP), hours, occupation.codeSystem(), null);
    }

    boolean known() {
        return hourly != null;
    }

    /** Null when the pay is not known. */
    @Nullable Boolean meets(BigDecimal hourlyThreshold) {
        return hourly == null ? null : hourly.compareTo(hourlyThreshold) >= 0;
    }

    /**
     * Adds "{@code rule}; the mid-level pay … meets it." to the route and answers whether it does; without a pay
     * figure, "Unknown: no pay figure. {@code rule}; the catalog has no NZ pay …, so whether it meets the rule cannot
     * be told." and null.
     */
    @Nullable Boolean judge(Route.Draft route, String ruleEn, String ruleZh, BigDecimal hourlyThreshold) {
        Boolean met = meets(hourlyThreshold);
        if (met == null) {
            route.text.add(missing.en() + " " + ruleEn + "; " + whyUnknownEn() + ".",
                    missing.zh() + ruleZh + "；" + whyUnknownZh() + "。");
        } else {
            route.text.add(ruleEn + "; " + verdictEn(met) + ".", ruleZh + "；" + verdictZh(met) + "。");
        }
        return met;
    }

    String describeEn() {
        return "the mid-level pay " + Money.hourlyEn(hourly) + " (" + Money.annualEn(annual, "NZD") + " at "
                + hours + " hours a week)";
    }

    String describeZh() {
        return "中級薪資" + Money.hourlyZh(hourly) + "（" + Money.annualZh(annual, "NZD") + "，每週 " + hours
                + " 小時）";
    }

    /** "the mid-level pay … meets it" or "… does not"; without a pay figure, that it cannot be told. */
    String verdictEn(@Nullable Boolean met) {
        return met == null ? "with no NZ pay figure, whether it does cannot be told"
                : describeEn() + (met ? " meets it" : " does not");
    }

    String verdictZh(@Nullable Boolean met) {
        return met == null ? "沒有紐西蘭薪資數據，無法判斷是否符合" : describeZh() + (met ? "符合" : "不符合");
    }

    /** Why the pay is not known, ending in what that means for the rule. */
    String whyUnknownEn() {
        return missing == UnknownBecause.NO_RULE
                ? "no standard weekly hours are recorded for this date to turn the page's yearly NZD pay into an hourly"
                + " rate, so whether it meets the rule cannot be told"
                : "the catalog has no NZ pay for this occupation (" + codeSystem + " publishes none and the page gives"
                + " no NZD salary band), so whether it meets the rule cannot be told";
    }

    String whyUnknownZh() {
        return missing == UnknownBecause.NO_RULE
                ? "此日期沒有每週標準工時的紀錄，無法將本頁的紐幣年薪換算為時薪，因此無法判斷是否符合規則"
                : "目錄沒有此職業的紐西蘭薪資（" + codeSystem + " 不公布薪資，本頁也沒有紐幣薪資級距），因此無法判斷是否符合規則";
    }
}
