package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;
import org.careergraph.immigration.status.Route.UnknownBecause;

/**
 * New Zealand's routes for an ANZSCO (or NOL) occupation: the Green List, the Skilled Migrant Category, the AEWV and
 * the highly paid Work to Residence route, measured at the mid-level pay in NZD and read by the ANZSCO skill level.
 * Where the catalog has no NZ pay (most ANZSCO occupations: ANZSCO publishes none), a route that turns on pay is
 * unknown and says so, rather than guessed.
 */
final class NewZealandRoutes {

    private NewZealandRoutes() {
    }

    static Assessment assess(KnownOccupation occupation, RuleBook book, RulesOn rules) {
        Reads hours = new Reads();
        NzPay pay = NzPay.of(occupation, rules, hours);
        Reads median = hours.copy();
        BigDecimal residenceMedian = median.decimal(rules, RuleKind.MEDIAN_WAGE, "RESIDENCE").orElse(null);

        GreenListStanding greenList = greenList(occupation, book, rules, pay, residenceMedian, median);
        Route smc = smc(occupation, rules, pay, residenceMedian, median);
        Route aewv = aewv(occupation, rules, pay, hours);
        Route highlyPaid = highlyPaid(rules, pay, residenceMedian, median);

        Integer incomePoints = pay.known() && residenceMedian != null ? smcIncomePoints(rules, pay, residenceMedian)
                : null;
        MedianWage medianAnnual = residenceMedian == null ? null : rules.setting(RuleKind.STANDARD_WEEKLY_HOURS)
                .map(h -> new MedianWage(residenceMedian.multiply(new BigDecimal(h.value()))
                        .multiply(NzPay.WEEKS_A_YEAR), "NZD")).orElse(null);
        ImmigrationStatus summary = new ImmigrationStatus(greenList.tier, greenList.payMet, smc.open(), incomePoints,
                aewv.open(), highlyPaid.open(), null, null, medianAnnual);
        return new Assessment(summary, List.of(greenList.route, smc, aewv, highlyPaid), greenList.since,
                greenList.sinceUpdate);
    }

    /** The Green List route and what the summary says of it: the tier, since when and by which update, the pay. */
    private record GreenListStanding(Route route, @Nullable Integer tier, @Nullable Boolean payMet,
                                     @Nullable LocalDate since, @Nullable String sinceUpdate) {
    }

    /** Open when the role is listed and its pay meets the role's threshold; closed off the list. */
    private static GreenListStanding greenList(KnownOccupation occupation, RuleBook book, RulesOn rules, NzPay pay,
                                               @Nullable BigDecimal median, Reads shared) {
        Route.Draft route = new Route.Draft("GREEN_LIST", shared);
        if (!CodeSystem.ANZSCO.name().equals(occupation.codeSystem())) {
            route.text.add("The Green List names roles by ANZSCO codes; this page is " + occupation.codeLabel() + ".",
                    "綠名單以 ANZSCO 代碼列出職位；本頁為 " + occupation.codeLabel() + "。");
            return new GreenListStanding(route.done(false), null, null, null, null);
        }
        String system = occupation.codeSystem();
        String code = occupation.code();
        Optional<Rule> tierRule = route.read(rules.occupation(RuleKind.GREEN_LIST_TIER, system, code, null));
        LocalDate since = book.since(RuleKind.GREEN_LIST_TIER, system, code, null, rules.date());
        if (tierRule.isEmpty()) {
            route.text.add("Not on the Green List" + (since == null ? "." : ": removed from " + since + "."),
                    "不在綠名單上" + (since == null ? "。" : "：自 " + since + " 起移除。"));
            return new GreenListStanding(route.done(false), null, null, since, null);
        }
        int tier = Integer.parseInt(tierRule.get().value());
        // The update that began the run of this tier, not one that later confirmed it.
        String sinceUpdate = book.on(since).occupation(RuleKind.GREEN_LIST_TIER, system, code, null)
                .orElse(tierRule.get()).policyUpdateId();
        route.text.add(tierEn(tier) + " since " + since + ".", tierZh(tier) + "，自 " + since + " 起。");

        Optional<Rule> threshold = route.read(rules.occupation(RuleKind.GREEN_LIST_PAY_THRESHOLD, system, code, null));
        BigDecimal needed = threshold.map(t -> payThreshold(t.value(), median)).orElse(median);
        Boolean payMet = null;
        UnknownBecause unknown = null;
        if (needed == null) {
            route.text.add("No residence median wage is recorded for this date, so the role's pay threshold is not"
                    + " known.", "此日期沒有居留中位工資的紀錄，無法得知此職位的薪資門檻。");
            unknown = UnknownBecause.NO_RULE;
        } else {
            String what = threshold.map(t -> t.value().endsWith("x") ? " (" + t.value() + " the median)" : "")
                    .orElse(" (the median)");
            String whatZh = threshold.map(t -> t.value().endsWith("x") ? "（中位工資的 " + t.value() + "）" : "")
                    .orElse("（中位工資）");
            payMet = pay.judge(route, "The role must pay at least " + Money.hourlyEn(needed) + what,
                    "此職位時薪須至少 " + Money.hourlyZh(needed) + whatZh, needed);
            unknown = pay.missing();
        }
        boolean registration = route.read(rules.occupation(RuleKind.GREEN_LIST_REGISTRATION, system, code, null))
                .map(r -> "true".equals(r.value())).orElse(false);
        if (registration) {
            route.text.add("NZ occupational registration is required.", "須取得紐西蘭職業註冊。");
        }
        return new GreenListStanding(route.done(payMet, unknown), tier, payMet, since, sinceUpdate);
    }

    private static Route smc(KnownOccupation occupation, RulesOn rules, NzPay pay, @Nullable BigDecimal median,
                             Reads shared) {
        Route.Draft route = new Route.Draft("SMC", shared);
        if (median == null) {
            route.text.add(UnknownBecause.NO_RULE.en() + " No residence median wage is recorded for this date.",
                    UnknownBecause.NO_RULE.zh() + "此日期沒有居留中位工資的紀錄。");
            return route.unknown(UnknownBecause.NO_RULE);
        }
        Map<Integer, BigDecimal> multipleByLevel = new TreeMap<>();
        for (Rule rule : route.readAll(rules.keyed(RuleKind.SMC_WAGE_MULTIPLE))) {
            multipleByLevel.put(Integer.valueOf(rule.key()), new BigDecimal(rule.value()));
        }
        Integer level = occupation.skillLevel();
        Boolean eligible = null;
        UnknownBecause unknown;
        if (multipleByLevel.isEmpty() || level != null && !multipleByLevel.containsKey(level)) {
            route.text.add(UnknownBecause.NO_RULE.en() + " Skilled Migrant Category: no wage rule is recorded for "
                            + (level == null ? "this date." : "ANZSCO skill level " + level + " on this date."),
                    UnknownBecause.NO_RULE.zh() + "技術移民類別：此日期沒有" + (level == null ? "" : " ANZSCO 技能等級 "
                            + level + " 的") + "工資規則紀錄。");
            unknown = UnknownBecause.NO_RULE;
        } else if (level != null) {
            BigDecimal multiple = multipleByLevel.get(level);
            BigDecimal needed = Money.times(median, multiple);
            eligible = pay.judge(route, "Skilled Migrant Category: a job at ANZSCO skill level " + level
                            + " must pay at least " + Money.hourlyEn(needed) + " (" + Money.plain(multiple)
                            + "x the median " + Money.hourlyEn(median) + ")",
                    "技術移民類別：ANZSCO 技能等級 " + level + " 的工作時薪須至少 " + Money.hourlyZh(needed) + "（中位工資 "
                            + Money.hourlyZh(median) + " 的 " + Money.plain(multiple) + " 倍）", needed);
            unknown = pay.missing();
        } else {
            eligible = withoutSkillLevel(route, pay, median, multipleByLevel);
            unknown = pay.known() ? UnknownBecause.NO_SKILL_LEVEL : pay.missing();
        }
        smcIncomePointsText(route, rules, pay, median);
        smcOtherCategoriesText(route, rules);
        for (Rule pathway : route.readAll(rules.keyed(RuleKind.SMC_PATHWAY))) {
            BigDecimal threshold = Money.times(median, new BigDecimal(pathway.value()));
            Boolean meets = pay.meets(threshold);
            route.text.add(PATHWAYS_EN.getOrDefault(pathway.key(), pathway.key()) + " pathway open since "
                            + pathway.effectiveFrom() + ": its NZ work must pay at least " + Money.hourlyEn(threshold)
                            + " (" + pathway.value() + "x the median); " + pay.verdictEn(meets) + ".",
                    PATHWAYS_ZH.getOrDefault(pathway.key(), pathway.key()) + "途徑自 " + pathway.effectiveFrom()
                            + " 起開放：在紐西蘭的工作時薪須至少 " + Money.hourlyZh(threshold) + "（中位工資的 "
                            + pathway.value() + " 倍）；" + pay.verdictZh(meets) + "。");
        }
        return route.done(eligible, unknown);
    }

    /**
     * The SMC wage rule when the catalog gives no skill level: pay that meets every level's threshold meets it, pay
     * that meets none does not; between them it turns on the level, so it is unknown.
     */
    private static @Nullable Boolean withoutSkillLevel(Route.Draft route, NzPay pay, BigDecimal median,
                                                       Map<Integer, BigDecimal> multipleByLevel) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        boolean meetsAll = true;
        boolean meetsAny = false;
        for (Map.Entry<String, BigDecimal> group : levelGroups(multipleByLevel).entrySet()) {
            BigDecimal needed = Money.times(median, group.getValue());
            en.add(Money.hourlyEn(needed) + " at skill level " + group.getKey());
            zh.add("技能等級 " + group.getKey() + " 須 " + Money.hourlyZh(needed));
            meetsAll &= Boolean.TRUE.equals(pay.meets(needed));
            meetsAny |= Boolean.TRUE.equals(pay.meets(needed));
        }
        String ruleEn = "Skilled Migrant Category: a job must pay at least " + String.join(", ", en)
                + " (multiples of the median " + Money.hourlyEn(median) + "); the catalog gives no ANZSCO skill level"
                + " for this occupation";
        String ruleZh = "技術移民類別：工作時薪須至少" + String.join("、", zh) + "（中位工資 " + Money.hourlyZh(median)
                + " 的倍數）；目錄沒有此職業的 ANZSCO 技能等級";
        if (!pay.known()) {
            route.text.add(pay.missing().en() + " " + ruleEn + ", and " + pay.whyUnknownEn() + ".",
                    pay.missing().zh() + ruleZh + "，且" + pay.whyUnknownZh() + "。");
            return null;
        }
        if (meetsAll || !meetsAny) {
            route.text.add(ruleEn + ", and " + pay.describeEn() + (meetsAll ? " meets every one." : " meets none."),
                    ruleZh + "，" + pay.describeZh() + (meetsAll ? "全部符合。" : "都不符合。"));
            return meetsAll;
        }
        route.text.add(UnknownBecause.NO_SKILL_LEVEL.en() + " " + ruleEn + ", and " + pay.describeEn()
                        + " meets only the lower ones, so whether it meets the rule cannot be told.",
                UnknownBecause.NO_SKILL_LEVEL.zh() + ruleZh + "，" + pay.describeZh() + "只符合較低的門檻，因此無法判斷是否符合規則。");
        return null;
    }

    private static void smcIncomePointsText(Route.Draft route, RulesOn rules, NzPay pay, BigDecimal median) {
        List<Rule> incomeRules = route.readAll(rules.keyed(RuleKind.SMC_INCOME_MULTIPLE));
        if (incomeRules.isEmpty()) {
            return;
        }
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (Rule rule : incomeRules) {
            BigDecimal needed = Money.times(median, new BigDecimal(rule.value()));
            en.add(rule.key() + " from " + Money.hourlyEn(needed) + " (" + rule.value() + "x)");
            zh.add(Money.hourlyZh(needed) + "（" + rule.value() + " 倍）得 " + rule.key() + " 分");
        }
        if (pay.known()) {
            int points = smcIncomePoints(rules, pay, median);
            route.text.add("Income points at the mid-level pay: " + points + " (" + String.join(", ", en) + ").",
                    "中級薪資的收入分數：" + points + " 分（" + String.join("，", zh) + "）。");
        } else {
            route.text.add("Income points: not known without a pay figure (" + String.join(", ", en) + ").",
                    "收入分數：沒有薪資數據，無法得知（" + String.join("，", zh) + "）。");
        }
    }

    private static void smcOtherCategoriesText(Route.Draft route, RulesOn rules) {
        Optional<Integer> needed = route.read(rules.setting(RuleKind.SMC_POINTS_NEEDED))
                .map(r -> Integer.valueOf(r.value()));
        if (needed.isEmpty()) {
            return;
        }
        List<String> qualificationsEn = new ArrayList<>();
        List<String> qualificationsZh = new ArrayList<>();
        for (Rule rule : route.readAll(rules.keyed(RuleKind.SMC_QUALIFICATION_POINTS))) {
            qualificationsEn.add(QUALIFICATIONS_EN.getOrDefault(rule.key(), rule.key()) + " " + rule.value());
            qualificationsZh.add(QUALIFICATIONS_ZH.getOrDefault(rule.key(), rule.key()) + " " + rule.value() + " 分");
        }
        List<String> registrationEn = new ArrayList<>();
        List<String> registrationZh = new ArrayList<>();
        for (Rule rule : route.readAll(rules.keyed(RuleKind.SMC_REGISTRATION_YEARS))) {
            registrationEn.add(rule.value() + " years' training " + rule.key());
            registrationZh.add(rule.value() + " 年培訓 " + rule.key() + " 分");
        }
        Optional<Rule> work = route.read(rules.setting(RuleKind.SMC_NZ_WORK_POINTS_MAX));
        route.text.add(needed.get() + " points are needed from one category: income, a qualification ("
                        + String.join(", ", qualificationsEn) + ") or NZ registration ("
                        + String.join(", ", registrationEn) + ")"
                        + work.map(w -> ", plus 1 point a year of skilled work in NZ, at most " + w.value()).orElse("")
                        + ".",
                "需要 " + needed.get() + " 分，來自單一類別：收入、學歷（" + String.join("，", qualificationsZh)
                        + "）或紐西蘭職業註冊（" + String.join("，", registrationZh) + "）"
                        + work.map(w -> "，另加在紐西蘭技術工作每年 1 分，最多 " + w.value() + " 分").orElse("") + "。");
    }

    private static int smcIncomePoints(RulesOn rules, NzPay pay, BigDecimal median) {
        int points = 0;
        for (Rule rule : rules.keyed(RuleKind.SMC_INCOME_MULTIPLE)) {
            if (Boolean.TRUE.equals(pay.meets(Money.times(median, new BigDecimal(rule.value()))))) {
                points = Math.max(points, Integer.parseInt(rule.key()));
            }
        }
        return points;
    }

    private static Route aewv(KnownOccupation occupation, RulesOn rules, NzPay pay, Reads shared) {
        Route.Draft route = new Route.Draft("AEWV", shared);
        Optional<Rule> wageRule = route.read(rules.setting(RuleKind.AEWV_WAGE_RULE));
        Boolean eligible = null;
        UnknownBecause unknown = UnknownBecause.NO_RULE;
        if (wageRule.isPresent() && wageRule.get().value().equals("MEDIAN")) {
            Optional<BigDecimal> median = route.decimal(rules, RuleKind.MEDIAN_WAGE, "AEWV");
            if (median.isPresent()) {
                eligible = pay.judge(route, "Accredited Employer Work Visa: the job must pay at least the median wage "
                        + Money.hourlyEn(median.get()), "認可雇主工作簽證：工作時薪須至少為中位工資 "
                        + Money.hourlyZh(median.get()), median.get());
                unknown = pay.missing();
            } else {
                route.text.add(UnknownBecause.NO_RULE.en() + " Accredited Employer Work Visa: the job must pay at least"
                                + " the median wage, and no AEWV median wage is recorded for this date.",
                        UnknownBecause.NO_RULE.zh() + "認可雇主工作簽證：工作時薪須至少為中位工資，但此日期沒有 AEWV 中位工資的紀錄。");
            }
        } else if (wageRule.isPresent()) {
            String since = wageRule.get().effectiveFrom().toString();
            Optional<BigDecimal> minimum = route.decimal(rules, RuleKind.MINIMUM_WAGE, null);
            if (minimum.isPresent()) {
                eligible = pay.judge(route, "Accredited Employer Work Visa: no median-wage floor since " + since
                                + "; the job must pay the market rate and at least the minimum wage "
                                + Money.hourlyEn(minimum.get()),
                        "認可雇主工作簽證：自 " + since + " 起取消中位工資下限；工作須支付市場薪資，且不低於最低工資 "
                                + Money.hourlyZh(minimum.get()), minimum.get());
                unknown = pay.missing();
            } else {
                route.text.add(UnknownBecause.NO_RULE.en() + " Accredited Employer Work Visa: no median-wage floor"
                                + " since " + since + "; the job must pay the market rate, and no minimum wage is"
                                + " recorded for this date.",
                        UnknownBecause.NO_RULE.zh() + "認可雇主工作簽證：自 " + since + " 起取消中位工資下限；工作須支付市場薪資，"
                                + "但此日期沒有最低工資的紀錄。");
            }
        } else {
            route.text.add(UnknownBecause.NO_RULE.en() + " No AEWV wage rule is recorded for this date.",
                    UnknownBecause.NO_RULE.zh() + "此日期沒有 AEWV 工資規則的紀錄。");
        }
        route.read(rules.setting(RuleKind.AEWV_EXPERIENCE_YEARS)).ifPresent(r -> route.text.add(
                "Applicants need " + r.value() + " years' relevant work experience.",
                "申請人須有 " + r.value() + " 年相關工作經驗。"));
        aewvVisaYearsText(route, rules, occupation.skillLevel());
        route.read(rules.setting(RuleKind.AEWV_CODE_SYSTEM)).ifPresent(r -> {
            boolean same = r.value().equals(occupation.codeSystem());
            route.text.add("Applications name the job by its " + r.value() + " code"
                            + (same ? "." : " (since " + r.effectiveFrom() + "); this page gives " + occupation.codeLabel()
                            + "."),
                    "申請以 " + r.value() + " 代碼指稱職位" + (same ? "。" : "（自 " + r.effectiveFrom() + " 起）；本頁為 "
                            + occupation.codeLabel() + "。"));
        });
        return route.done(eligible, unknown);
    }

    /** The longest visa at the occupation's skill level, or every level's when the level or its rule is missing. */
    private static void aewvVisaYearsText(Route.Draft route, RulesOn rules, @Nullable Integer level) {
        Map<Integer, BigDecimal> yearsByLevel = new TreeMap<>();
        route.readAll(rules.keyed(RuleKind.AEWV_VISA_YEARS))
                .forEach(r -> yearsByLevel.put(Integer.valueOf(r.key()), new BigDecimal(r.value())));
        if (level != null && yearsByLevel.containsKey(level)) {
            route.text.add("The visa lasts up to " + Money.plain(yearsByLevel.get(level)) + " years at skill level "
                    + level + ".", "技能等級 " + level + " 的簽證最長 " + Money.plain(yearsByLevel.get(level)) + " 年。");
            return;
        }
        if (yearsByLevel.isEmpty()) {
            return;
        }
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        levelGroups(yearsByLevel).forEach((levels, years) -> {
            en.add(Money.plain(years) + " years at skill level " + levels);
            zh.add("技能等級 " + levels + " 最長 " + Money.plain(years) + " 年");
        });
        if (level == null) {
            route.text.add("The visa lasts up to " + String.join(", ", en) + "; the catalog gives no ANZSCO skill"
                    + " level for this occupation.", "簽證期限：" + String.join("，", zh) + "；目錄沒有此職業的 ANZSCO 技能等級。");
        } else {
            route.text.add("No visa length is recorded for skill level " + level + " (the rules record up to "
                            + String.join(", ", en) + ").",
                    "技能等級 " + level + " 沒有簽證期限紀錄（規則記載：" + String.join("，", zh) + "）。");
        }
    }

    private static Route highlyPaid(RulesOn rules, NzPay pay, @Nullable BigDecimal median, Reads shared) {
        Route.Draft route = new Route.Draft("HIGHLY_PAID_WORK_TO_RESIDENCE", shared);
        Optional<Rule> multiple = route.read(rules.setting(RuleKind.HIGHLY_PAID_MULTIPLE));
        if (multiple.isEmpty() || median == null) {
            route.text.add(UnknownBecause.NO_RULE.en() + " No highly paid route is recorded for this date.",
                    UnknownBecause.NO_RULE.zh() + "此日期沒有高薪途徑的紀錄。");
            return route.unknown(UnknownBecause.NO_RULE);
        }
        BigDecimal needed = Money.times(median, new BigDecimal(multiple.get().value()));
        Boolean met = pay.judge(route, "Highly paid Work to Residence: any role paying at least "
                        + Money.hourlyEn(needed) + " (" + multiple.get().value() + "x the median)",
                "高薪工作轉居留：任何時薪至少 " + Money.hourlyZh(needed) + "（中位工資的 " + multiple.get().value()
                        + " 倍）的職位", needed);
        return route.done(met, pay.missing());
    }

    // Shared -----------------------------------------------------------------------------------------------------

    private static final Map<String, String> QUALIFICATIONS_EN = Map.of("BACHELOR", "bachelor's",
            "POSTGRADUATE_CERTIFICATE", "postgraduate certificate", "HONOURS", "honours",
            "POSTGRADUATE_DIPLOMA", "postgraduate diploma", "MASTERS", "master's", "DOCTORATE", "doctorate");
    private static final Map<String, String> QUALIFICATIONS_ZH = Map.of("BACHELOR", "學士", "POSTGRADUATE_CERTIFICATE",
            "研究生證書", "HONOURS", "榮譽學士", "POSTGRADUATE_DIPLOMA", "研究生文憑", "MASTERS", "碩士", "DOCTORATE", "博士");
    private static final Map<String, String> PATHWAYS_EN = Map.of("SKILLED_WORK_EXPERIENCE", "Skilled Work Experience",
            "TRADES_AND_TECHNICIAN", "Trades and Technician");
    private static final Map<String, String> PATHWAYS_ZH = Map.of("SKILLED_WORK_EXPERIENCE", "技術工作經驗",
            "TRADES_AND_TECHNICIAN", "技工與技術員");

    private static @Nullable BigDecimal payThreshold(String value, @Nullable BigDecimal median) {
        if (value.endsWith("x")) {
            return median == null ? null : Money.times(median, new BigDecimal(value.substring(0, value.length() - 1)));
        }
        return new BigDecimal(value);
    }

    /** Skill levels with the same value, grouped as people write them: "1-3" -> 1, "4-5" -> 1.5. */
    private static Map<String, BigDecimal> levelGroups(Map<Integer, BigDecimal> byLevel) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        Integer first = null;
        Integer last = null;
        BigDecimal value = null;
        for (Map.Entry<Integer, BigDecimal> entry : byLevel.entrySet()) {
            if (value != null && entry.getValue().compareTo(value) == 0 && entry.getKey() == last + 1) {
                last = entry.getKey();
                continue;
            }
            if (value != null) {
                groups.put(first.equals(last) ? first.toString() : first + "-" + last, value);
            }
            first = entry.getKey();
            last = entry.getKey();
            value = entry.getValue();
        }
        if (value != null) {
            groups.put(first.equals(last) ? first.toString() : first + "-" + last, value);
        }
        return groups;
    }

    private static String tierEn(int tier) {
        return tier == 1 ? "Green List Tier 1 (Straight to Residence)" : "Green List Tier 2 (Work to Residence)";
    }

    private static String tierZh(int tier) {
        return tier == 1 ? "綠名單第一級（直接居留）" : "綠名單第二級（工作轉居留）";
    }
}
