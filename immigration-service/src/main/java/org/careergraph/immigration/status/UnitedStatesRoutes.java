package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;
import org.careergraph.immigration.status.Route.UnknownBecause;

/**
 * The United States' routes for a SOC occupation: H-1B and EB-2 turn on the degree it needs (see
 * {@link RequiredDegree}), H-1B's weighted selection on the pay's OFLC wage level; PERM is open to all. Where no
 * education figure is published, H-1B and EB-2 are unknown and say so.
 */
final class UnitedStatesRoutes {

    private UnitedStatesRoutes() {
    }

    static Assessment assess(KnownOccupation occupation, RulesOn rules) {
        SalaryBand band = occupation.midLevelBand();
        BigDecimal annual = band != null && "USD".equals(band.currency()) ? band.midpoint() : null;
        RequiredDegree degree = RequiredDegree.of(occupation);

        H1b h1b = h1b(occupation, rules, degree, annual);
        Route eb2 = eb2(rules, degree);
        Route.Draft perm = new Route.Draft("PERM", new Reads());
        perm.text.add("PERM labor certification: the employer shows that no able, willing and qualified US worker is "
                        + "available; it leads to an EB-2 or EB-3 green card.",
                "PERM 勞工證明：雇主證明找不到有能力、有意願且合格的美國勞工；可申請 EB-2 或 EB-3 綠卡。");
        List<Route> routes = List.of(h1b.route, eb2, perm.done(true));

        List<String> open = routes.stream().filter(r -> r.state() == Route.State.OPEN).map(Route::route).toList();
        List<String> unknown = routes.stream().filter(r -> r.state() == Route.State.UNKNOWN).map(Route::route)
                .toList();
        MedianWage medianAnnual = rules.setting(RuleKind.MEDIAN_ANNUAL_WAGE)
                .map(r -> new MedianWage(new BigDecimal(r.value()), "USD")).orElse(null);
        ImmigrationStatus summary = new ImmigrationStatus(null, null, null, null, null, null, open,
                h1b.route.state() == Route.State.OPEN ? h1b.entries : null, medianAnnual,
                unknown.isEmpty() ? null : unknown);
        return new Assessment(summary, routes, null, null);
    }

    /** The H-1B route and the entries a registration at the mid-level pay gets in the selection (null: unknown). */
    private record H1b(Route route, @Nullable Integer entries) {
    }

    private static H1b h1b(KnownOccupation occupation, RulesOn rules, RequiredDegree degree,
                           @Nullable BigDecimal annual) {
        Route.Draft h1b = new Route.Draft("H1B", new Reads());
        DegreeLevel level = degree.level();
        Boolean specialty = level == null ? null : level.atLeast(DegreeLevel.BACHELOR);
        String ruleEn = "H-1B (specialty occupation, a bachelor's degree or higher): " + degree.en();
        String ruleZh = "H-1B（專業職業，須學士或以上學位）：" + degree.zh();
        if (specialty == null) {
            h1b.text.add(UnknownBecause.NO_EDUCATION_FIGURE.en() + " " + ruleEn + ", so whether it needs a degree"
                            + " cannot be told (a page's words are not read for it).",
                    UnknownBecause.NO_EDUCATION_FIGURE.zh() + ruleZh + "，因此無法判斷是否需要學位（不以頁面文字判斷）。");
        } else {
            h1b.text.add(ruleEn + (specialty ? ", so it qualifies." : ", so it does not qualify."),
                    ruleZh + (specialty ? "，符合資格。" : "，不符合資格。"));
        }
        boolean advanced = level != null && level.atLeast(DegreeLevel.MASTERS);
        List<Rule> caps = h1b.readAll(rules.keyed(RuleKind.H1B_CAP));
        if (!caps.isEmpty()) {
            h1b.text.add("Cap: " + String.join(" plus ", caps.stream().map(c -> Money.whole(new BigDecimal(c.value()))
                            + ("ADVANCED_DEGREE".equals(c.key()) ? " for US master's degrees or higher" : " a year"))
                            .toList()) + (advanced ? "; the advanced-degree cap applies." : "."),
                    "名額：" + String.join("，另加", caps.stream().map(c -> ("ADVANCED_DEGREE".equals(c.key())
                            ? "美國碩士或以上學位 " : "每年 ") + Money.whole(new BigDecimal(c.value()))).toList())
                            + (advanced ? "；適用高等學位名額。" : "。"));
        }
        Integer entries = null;
        List<Rule> weights = h1b.readAll(rules.keyed(RuleKind.H1B_SELECTION_ENTRIES));
        if (weights.isEmpty()) {
            entries = 1;
            h1b.text.add("Selection is a random lottery: one entry per registration.", "抽籤為隨機：每份登記一次機會。");
        } else {
            String levelAtPay = annual == null ? null : wageLevel(occupation, rules, annual, h1b);
            String ladderEn = String.join(", ", weights.stream().map(w -> "level " + w.key() + " " + w.value()).toList());
            String ladderZh = String.join("，", weights.stream().map(w -> w.key() + " 級 " + w.value() + " 次").toList());
            String since = weights.get(0).effectiveFrom().toString();
            if ("BELOW_I".equals(levelAtPay)) {
                // Below the level I prevailing wage the job cannot be an H-1B job, whatever degree it needs.
                specialty = false;
                h1b.text.add("The mid-level pay " + Money.annualEn(annual, "USD")
                                + " is below the level I prevailing wage, which an H-1B job must pay at least.",
                        "中級薪資 " + Money.annualZh(annual, "USD") + " 低於第 I 級現行工資，H-1B 職位不得低於此。");
            } else if (levelAtPay != null) {
                entries = rules.setting(RuleKind.H1B_SELECTION_ENTRIES, levelAtPay)
                        .map(r -> Integer.valueOf(r.value())).orElse(null);
                h1b.text.add("Selection weighted by wage level since " + since + " (" + ladderEn + " entries): "
                                + Money.annualEn(annual, "USD") + " is OFLC wage level " + levelAtPay + ", " + entries
                                + " entries.",
                        "自 " + since + " 起按工資等級加權抽籤（" + ladderZh + "）：" + Money.annualZh(annual, "USD")
                                + " 屬 OFLC 工資等級 " + levelAtPay + "，" + entries + " 次機會。");
            } else {
                h1b.text.add("Selection weighted by wage level since " + since + " (" + ladderEn + " entries); no "
                                + "prevailing wage levels are recorded for " + occupation.codeLabel()
                                + ", so the entries at its pay are not known.",
                        "自 " + since + " 起按工資等級加權抽籤（" + ladderZh + "）；" + occupation.codeLabel()
                                + " 沒有現行工資等級紀錄，無法得知其薪資的抽籤次數。");
            }
        }
        h1b.read(rules.setting(RuleKind.H1B_REGISTRATION_FEE)).ifPresent(fee -> h1b.text.add(
                "Registration fee USD " + Money.whole(new BigDecimal(fee.value())) + ".",
                "登記費 USD " + Money.whole(new BigDecimal(fee.value())) + "。"));
        return new H1b(h1b.done(specialty, UnknownBecause.NO_EDUCATION_FIGURE), entries);
    }

    private static Route eb2(RulesOn rules, RequiredDegree degree) {
        Route.Draft eb2 = new Route.Draft("EB2", new Reads());
        Optional<Rule> experience = eb2.read(rules.setting(RuleKind.EB2_BACHELOR_EXPERIENCE_YEARS));
        DegreeLevel level = degree.level();
        String ruleEn = "EB-2 (advanced degree or exceptional ability): " + degree.en();
        String ruleZh = "EB-2（高等學位或特殊能力）：" + degree.zh();
        Boolean open;
        if (level == null) {
            open = null;
            eb2.text.add(UnknownBecause.NO_EDUCATION_FIGURE.en() + " " + ruleEn + ", so whether it needs an advanced"
                            + " degree cannot be told; exceptional ability would qualify either way.",
                    UnknownBecause.NO_EDUCATION_FIGURE.zh() + ruleZh + "，因此無法判斷是否需要高等學位；特殊能力則無論如何皆可符合。");
        } else if (level.atLeast(DegreeLevel.MASTERS)) {
            open = true;
            eb2.text.add(ruleEn + ", an advanced degree.", ruleZh + "，屬高等學位。");
        } else if (level == DegreeLevel.BACHELOR && experience.isPresent()) {
            open = true;
            eb2.text.add(ruleEn + "; with " + experience.get().value() + " years' progressive experience it counts as"
                    + " advanced.", ruleZh + "；加上 " + experience.get().value() + " 年遞進經驗可視同高等學位。");
        } else {
            open = false;
            eb2.text.add(ruleEn + "; only exceptional ability would qualify.", ruleZh + "；僅特殊能力可符合。");
        }
        eb2.read(rules.setting(RuleKind.EB2_PERM_REQUIRED)).filter(r -> "true".equals(r.value()))
                .ifPresent(r -> eb2.text.add("A PERM labor certification is required unless a national interest waiver "
                        + "applies.", "除非獲國家利益豁免，須取得 PERM 勞工證明。"));
        eb2.read(rules.setting(RuleKind.EMPLOYMENT_GREEN_CARDS_PER_YEAR)).ifPresent(r -> eb2.text.add("About "
                        + Money.whole(new BigDecimal(r.value())) + " employment-based green cards a year across all "
                        + "categories; waits follow the Visa Bulletin.",
                "各類職業移民綠卡每年約 " + Money.whole(new BigDecimal(r.value())) + " 張；排期依簽證公告。"));
        return eb2.done(open, UnknownBecause.NO_EDUCATION_FIGURE);
    }

    /** The OFLC level the pay reaches ("I" to "IV", "BELOW_I"), or null when the levels are not all recorded. */
    private static @Nullable String wageLevel(KnownOccupation occupation, RulesOn rules, BigDecimal annual,
                                              Route.Draft route) {
        String reached = "BELOW_I";
        for (String level : RuleKind.PREVAILING_WAGE.keys()) {
            Optional<Rule> wage = route.read(rules.occupation(RuleKind.PREVAILING_WAGE, occupation.codeSystem(),
                    occupation.code(), level));
            if (wage.isEmpty()) {
                return null;
            }
            if (annual.compareTo(new BigDecimal(wage.get().value())) >= 0) {
                reached = level;
            }
        }
        return reached;
    }
}
