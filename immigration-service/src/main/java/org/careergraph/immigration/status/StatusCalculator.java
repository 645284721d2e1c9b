package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.careergraph.events.CodeSystem;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.SalaryBand;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RulesOn;

/**
 * What the rules in force on a date mean for one occupation, measured at its mid-level pay (the midpoint of its
 * middle salary band). Pure: the same facts and rules always give the same assessment. Each route says, in English and
 * Chinese, what the rules ask and how the pay measures up, and lists the rules it read.
 */
final class StatusCalculator {

    private static final BigDecimal WEEKS_A_YEAR = BigDecimal.valueOf(52);

    private StatusCalculator() {
    }

    static Assessment assess(KnownOccupation occupation, RuleBook book, LocalDate date) {
        Country country = book.country();
        if (!country.covers(occupation.codeSystem())) {
            Route none = new Route("NOT_COVERED", false, new Explanation(
                    country.name() + " rules name occupations by " + codeSystems(country) + " codes; this page is "
                            + occupation.codeLabel() + ".",
                    country.name() + " 的規則以 " + codeSystems(country) + " 代碼指稱職業；本頁為 "
                            + occupation.codeLabel() + "。"), List.of());
            return new Assessment(ImmigrationStatus.NONE, List.of(none), null, null);
        }
        RulesOn rules = book.on(date);
        return country == Country.NZ ? newZealand(occupation, book, rules) : unitedStates(occupation, rules);
    }

    // New Zealand ------------------------------------------------------------------------------------------------

    private static Assessment newZealand(KnownOccupation occupation, RuleBook book, RulesOn rules) {
        Reads hours = new Reads();
        Pay pay = Pay.hourly(occupation, rules, hours);
        Reads median = hours.copy();
        Optional<BigDecimal> residenceMedian = median.decimal(rules, RuleKind.MEDIAN_WAGE, "RESIDENCE");

        Route.Draft greenList = new Route.Draft("GREEN_LIST", median);
        Integer tier = null;
        Boolean payMet = null;
        LocalDate since = null;
        String sinceUpdate = null;
        if (!CodeSystem.ANZSCO.name().equals(occupation.codeSystem())) {
            greenList.text.add("The Green List names roles by ANZSCO codes; this page is " + occupation.codeLabel()
                    + ".", "綠名單以 ANZSCO 代碼列出職位；本頁為 " + occupation.codeLabel() + "。");
        } else {
            Optional<Rule> tierRule = greenList.read(rules.occupation(RuleKind.GREEN_LIST_TIER,
                    occupation.codeSystem(), occupation.code(), null));
            since = book.since(RuleKind.GREEN_LIST_TIER, occupation.codeSystem(), occupation.code(), null,
                    rules.date());
            if (tierRule.isEmpty()) {
                greenList.text.add("Not on the Green List" + (since == null ? "." : ": removed from " + since + "."),
                        "不在綠名單上" + (since == null ? "。" : "：自 " + since + " 起移除。"));
            } else {
                tier = Integer.valueOf(tierRule.get().value());
                // The update that began the run of this tier, not one that later confirmed it.
                sinceUpdate = book.on(since).occupation(RuleKind.GREEN_LIST_TIER, occupation.codeSystem(),
                        occupation.code(), null).orElse(tierRule.get()).policyUpdateId();
                greenList.text.add(tierEn(tier) + " since " + since + ".", tierZh(tier) + "，自 " + since + " 起。");
                Optional<Rule> threshold = greenList.read(rules.occupation(RuleKind.GREEN_LIST_PAY_THRESHOLD,
                        occupation.codeSystem(), occupation.code(), null));
                BigDecimal needed = threshold.map(t -> payThreshold(t.value(), residenceMedian.orElse(null)))
                        .orElse(residenceMedian.orElse(null));
                if (needed != null) {
                    String what = threshold.map(t -> t.value().endsWith("x") ? t.value() + " the median" : "")
                            .orElse("the median");
                    String whatZh = threshold.map(t -> t.value().endsWith("x") ? "中位工資的 " + t.value() : "")
                            .orElse("中位工資");
                    greenList.text.add("The role must pay at least " + Money.hourlyEn(needed)
                                    + (what.isEmpty() ? "" : " (" + what + ")") + ";",
                            "此職位時薪須至少 " + Money.hourlyZh(needed) + (whatZh.isEmpty() ? "" : "（" + whatZh + "）")
                                    + "；");
                    payMet = pay.meets(needed);
                    greenList.text.add(pay.verdictEn(payMet) + ".", pay.verdictZh(payMet) + "。");
                }
                boolean registration = greenList.read(rules.occupation(RuleKind.GREEN_LIST_REGISTRATION,
                        occupation.codeSystem(), occupation.code(), null)).map(r -> "true".equals(r.value()))
                        .orElse(false);
                if (registration) {
                    greenList.text.add("NZ occupational registration is required.", "須取得紐西蘭職業註冊。");
                }
            }
        }

        Route smc = smc(occupation, rules, pay, residenceMedian.orElse(null), median);
        Route aewv = aewv(occupation, rules, pay, hours);
        Route highlyPaid = highlyPaid(rules, pay, residenceMedian.orElse(null), median);

        Integer incomePoints = pay.hourly() == null || residenceMedian.isEmpty() ? null
                : smcIncomePoints(rules, pay, residenceMedian.get());
        MedianWage medianAnnual = residenceMedian.flatMap(m -> rules.setting(RuleKind.STANDARD_WEEKLY_HOURS)
                .map(h -> new MedianWage(m.multiply(new BigDecimal(h.value())).multiply(WEEKS_A_YEAR), "NZD")))
                .orElse(null);
        ImmigrationStatus summary = new ImmigrationStatus(tier, payMet, smc.open(), incomePoints, aewv.open(),
                highlyPaid.open(), null, null, medianAnnual);
        return new Assessment(summary, List.of(greenList.done(tier != null), smc, aewv, highlyPaid), since,
                sinceUpdate);
    }

    private static Route smc(KnownOccupation occupation, RulesOn rules, Pay pay, @Nullable BigDecimal median,
                             Reads shared) {
        Route.Draft route = new Route.Draft("SMC", shared);
        if (median == null) {
            route.text.add("No residence median wage is recorded for this date.", "此日期沒有居留中位工資的紀錄。");
            return route.done(null);
        }
        Map<Integer, BigDecimal> multipleByLevel = new TreeMap<>();
        for (Rule rule : route.readAll(rules.keyed(RuleKind.SMC_WAGE_MULTIPLE))) {
            multipleByLevel.put(Integer.valueOf(rule.key()), new BigDecimal(rule.value()));
        }
        Boolean eligible = null;
        Integer level = occupation.skillLevel();
        if (level != null && multipleByLevel.containsKey(level)) {
            BigDecimal needed = Money.times(median, multipleByLevel.get(level));
            eligible = pay.meets(needed);
            route.text.add("Skilled Migrant Category: a job at ANZSCO skill level " + level + " must pay at least "
                            + Money.hourlyEn(needed) + " (" + Money.plain(multipleByLevel.get(level))
                            + "x the median " + Money.hourlyEn(median) + "); " + pay.verdictEn(eligible) + ".",
                    "技術移民類別：ANZSCO 技能等級 " + level + " 的工作時薪須至少 " + Money.hourlyZh(needed) + "（中位工資 "
                            + Money.hourlyZh(median) + " 的 " + Money.plain(multipleByLevel.get(level)) + " 倍）；"
                            + pay.verdictZh(eligible) + "。");
        } else if (!multipleByLevel.isEmpty()) {
            List<String> en = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            boolean meetsAll = true;
            boolean meetsAny = false;
            for (Map.Entry<String, BigDecimal> group : levelGroups(multipleByLevel).entrySet()) {
                BigDecimal needed = Money.times(median, group.getValue());
                en.add(Money.hourlyEn(needed) + " at skill level " + group.getKey());
                zh.add("技能等級 " + group.getKey() + " 須 " + Money.hourlyZh(needed));
                Boolean meets = pay.meets(needed);
                meetsAll &= Boolean.TRUE.equals(meets);
                meetsAny |= Boolean.TRUE.equals(meets);
            }
            eligible = pay.hourly() == null ? null : meetsAll ? Boolean.TRUE : meetsAny ? null : Boolean.FALSE;
            route.text.add("Skilled Migrant Category: a job must pay at least " + String.join(", ", en)
                            + " (multiples of the median " + Money.hourlyEn(median) + "); the page gives no skill level"
                            + (pay.hourly() == null ? "." : ", and " + pay.describeEn() + (meetsAll ? " meets every one."
                            : meetsAny ? " meets only the lower ones." : " meets none.")),
                    "技術移民類別：工作時薪須至少" + String.join("、", zh) + "（中位工資 " + Money.hourlyZh(median)
                            + " 的倍數）；本頁未列技能等級" + (pay.hourly() == null ? "。" : "，" + pay.describeZh()
                            + (meetsAll ? "全部符合。" : meetsAny ? "只符合較低的門檻。" : "都不符合。")));
        }
        List<Rule> incomeRules = route.readAll(rules.keyed(RuleKind.SMC_INCOME_MULTIPLE));
        if (!incomeRules.isEmpty() && pay.hourly() != null) {
            int points = smcIncomePoints(rules, pay, median);
            List<String> en = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            for (Rule rule : incomeRules) {
                BigDecimal needed = Money.times(median, new BigDecimal(rule.value()));
                en.add(rule.key() + " from " + Money.hourlyEn(needed) + " (" + rule.value() + "x)");
                zh.add(Money.hourlyZh(needed) + "（" + rule.value() + " 倍）得 " + rule.key() + " 分");
            }
            route.text.add("Income points at the mid-level pay: " + points + " (" + String.join(", ", en) + ").",
                    "中級薪資的收入分數：" + points + " 分（" + String.join("，", zh) + "）。");
        }
        Optional<Integer> needed = route.read(rules.setting(RuleKind.SMC_POINTS_NEEDED)).map(r -> Integer.valueOf(
                r.value()));
        if (needed.isPresent()) {
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
                            + work.map(w -> ", plus 1 point a year of skilled work in NZ, at most " + w.value())
                            .orElse("") + ".",
                    "需要 " + needed.get() + " 分，來自單一類別：收入、學歷（" + String.join("，", qualificationsZh)
                            + "）或紐西蘭職業註冊（" + String.join("，", registrationZh) + "）"
                            + work.map(w -> "，另加在紐西蘭技術工作每年 1 分，最多 " + w.value() + " 分").orElse("")
                            + "。");
        }
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
        return route.done(eligible);
    }

    private static int smcIncomePoints(RulesOn rules, Pay pay, BigDecimal median) {
        int points = 0;
        for (Rule rule : rules.keyed(RuleKind.SMC_INCOME_MULTIPLE)) {
            if (Boolean.TRUE.equals(pay.meets(Money.times(median, new BigDecimal(rule.value()))))) {
                points = Math.max(points, Integer.parseInt(rule.key()));
            }
        }
        return points;
    }

    private static Route aewv(KnownOccupation occupation, RulesOn rules, Pay pay, Reads shared) {
        Route.Draft route = new Route.Draft("AEWV", shared);
        Optional<Rule> wageRule = route.read(rules.setting(RuleKind.AEWV_WAGE_RULE));
        Boolean eligible = null;
        if (wageRule.isPresent() && wageRule.get().value().equals("MEDIAN")) {
            Optional<BigDecimal> median = route.decimal(rules, RuleKind.MEDIAN_WAGE, "AEWV");
            if (median.isPresent()) {
                eligible = pay.meets(median.get());
                route.text.add("Accredited Employer Work Visa: the job must pay at least the median wage "
                                + Money.hourlyEn(median.get()) + "; " + pay.verdictEn(eligible) + ".",
                        "認可雇主工作簽證：工作時薪須至少為中位工資 " + Money.hourlyZh(median.get()) + "；"
                                + pay.verdictZh(eligible) + "。");
            }
        } else if (wageRule.isPresent()) {
            Optional<BigDecimal> minimum = route.decimal(rules, RuleKind.MINIMUM_WAGE, null);
            eligible = minimum.map(pay::meets).orElse(null);
            route.text.add("Accredited Employer Work Visa: no median-wage floor since " + wageRule.get().effectiveFrom()
                            + "; the job must pay the market rate"
                            + minimum.map(m -> " and at least the minimum wage " + Money.hourlyEn(m)).orElse("")
                            + "; " + pay.verdictEn(eligible) + ".",
                    "認可雇主工作簽證：自 " + wageRule.get().effectiveFrom() + " 起取消中位工資下限；工作須支付市場薪資"
                            + minimum.map(m -> "，且不低於最低工資 " + Money.hourlyZh(m)).orElse("") + "；"
                            + pay.verdictZh(eligible) + "。");
        } else {
            route.text.add("No AEWV wage rule is recorded for this date.", "此日期沒有 AEWV 工資規則的紀錄。");
        }
        route.read(rules.setting(RuleKind.AEWV_EXPERIENCE_YEARS)).ifPresent(r -> route.text.add(
                "Applicants need " + r.value() + " years' relevant work experience.",
                "申請人須有 " + r.value() + " 年相關工作經驗。"));
        Map<Integer, BigDecimal> yearsByLevel = new TreeMap<>();
        route.readAll(rules.keyed(RuleKind.AEWV_VISA_YEARS))
                .forEach(r -> yearsByLevel.put(Integer.valueOf(r.key()), new BigDecimal(r.value())));
        Integer level = occupation.skillLevel();
        if (level != null && yearsByLevel.containsKey(level)) {
            route.text.add("The visa lasts up to " + Money.plain(yearsByLevel.get(level)) + " years at skill level "
                    + level + ".", "技能等級 " + level + " 的簽證最長 " + Money.plain(yearsByLevel.get(level)) + " 年。");
        } else if (!yearsByLevel.isEmpty()) {
            List<String> en = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            levelGroups(yearsByLevel).forEach((levels, years) -> {
                en.add(Money.plain(years) + " years at skill level " + levels);
                zh.add("技能等級 " + levels + " 最長 " + Money.plain(years) + " 年");
            });
            route.text.add("The visa lasts up to " + String.join(", ", en) + ".", "簽證期限：" + String.join("，", zh)
                    + "。");
        }
        route.read(rules.setting(RuleKind.AEWV_CODE_SYSTEM)).ifPresent(r -> {
            boolean same = r.value().equals(occupation.codeSystem());
            route.text.add("Applications name the job by its " + r.value() + " code"
                            + (same ? "." : " (since " + r.effectiveFrom() + "); this page gives " + occupation.codeLabel()
                            + "."),
                    "申請以 " + r.value() + " 代碼指稱職位" + (same ? "。" : "（自 " + r.effectiveFrom() + " 起）；本頁為 "
                            + occupation.codeLabel() + "。"));
        });
        return route.done(eligible);
    }

    private static Route highlyPaid(RulesOn rules, Pay pay, @Nullable BigDecimal median, Reads shared) {
        Route.Draft route = new Route.Draft("HIGHLY_PAID_WORK_TO_RESIDENCE", shared);
        Optional<Rule> multiple = route.read(rules.setting(RuleKind.HIGHLY_PAID_MULTIPLE));
        if (multiple.isEmpty() || median == null) {
            route.text.add("No highly paid route is recorded for this date.", "此日期沒有高薪途徑的紀錄。");
            return route.done(null);
        }
        BigDecimal needed = Money.times(median, new BigDecimal(multiple.get().value()));
        Boolean met = pay.meets(needed);
        route.text.add("Highly paid Work to Residence: any role paying at least " + Money.hourlyEn(needed) + " ("
                        + multiple.get().value() + "x the median); " + pay.verdictEn(met) + ".",
                "高薪工作轉居留：任何時薪至少 " + Money.hourlyZh(needed) + "（中位工資的 " + multiple.get().value()
                        + " 倍）的職位；" + pay.verdictZh(met) + "。");
        return route.done(met);
    }

    // United States ----------------------------------------------------------------------------------------------

    private static Assessment unitedStates(KnownOccupation occupation, RulesOn rules) {
        SalaryBand band = occupation.midLevelBand();
        BigDecimal annual = band != null && "USD".equals(band.currency()) ? band.midpoint() : null;
        DegreeLevel degree;
        String degreeEn;
        String degreeZh;
        if (occupation.entryEducation() != null) {
            // A published figure before the page's words: BLS's typical entry education for the occupation.
            degree = DegreeLevel.ofEntryEducation(occupation.entryEducation());
            String source = occupation.entryEducationSource() == null ? "BLS" : occupation.entryEducationSource();
            degreeEn = "The typical entry education is \"" + occupation.entryEducation() + "\" (" + source + ")";
            degreeZh = "典型入行學歷為「" + occupation.entryEducation() + "」（" + source + "）";
        } else {
            degree = DegreeLevel.required(occupation.qualificationsRequired(), occupation.skillLevel());
            String evidence = DegreeLevel.evidence(occupation.qualificationsRequired(), degree);
            degreeEn = degree == DegreeLevel.NONE ? "The page marks no degree as required"
                    : "The page requires " + degree.en() + (evidence == null ? " (ANZSCO skill level 1)" : " ("
                    + evidence + ")");
            degreeZh = degree == DegreeLevel.NONE ? "本頁未列必需學位"
                    : "本頁要求" + degree.zh() + (evidence == null ? "（ANZSCO 技能等級 1）" : "（" + evidence + "）");
        }

        Route.Draft h1b = new Route.Draft("H1B", new Reads());
        boolean specialty = degree.atLeast(DegreeLevel.BACHELOR);
        h1b.text.add("H-1B (specialty occupation, a bachelor's degree or higher): " + degreeEn + (specialty
                        ? ", so it qualifies." : ", so it does not qualify."),
                "H-1B（專業職業，須學士或以上學位）：" + degreeZh + (specialty ? "，符合資格。" : "，不符合資格。"));
        List<Rule> caps = h1b.readAll(rules.keyed(RuleKind.H1B_CAP));
        if (!caps.isEmpty()) {
            h1b.text.add("Cap: " + String.join(" plus ", caps.stream().map(c -> Money.whole(new BigDecimal(c.value()))
                            + ("ADVANCED_DEGREE".equals(c.key()) ? " for US master's degrees or higher" : " a year"))
                            .toList()) + (degree.atLeast(DegreeLevel.MASTERS) ? "; the advanced-degree cap applies."
                            : "."),
                    "名額：" + String.join("，另加", caps.stream().map(c -> ("ADVANCED_DEGREE".equals(c.key())
                            ? "美國碩士或以上學位 " : "每年 ") + Money.whole(new BigDecimal(c.value()))).toList())
                            + (degree.atLeast(DegreeLevel.MASTERS) ? "；適用高等學位名額。" : "。"));
        }
        Integer entries = null;
        List<Rule> weights = h1b.readAll(rules.keyed(RuleKind.H1B_SELECTION_ENTRIES));
        if (weights.isEmpty()) {
            entries = specialty ? 1 : null;
            h1b.text.add("Selection is a random lottery: one entry per registration.", "抽籤為隨機：每份登記一次機會。");
        } else {
            String levelAtPay = annual == null ? null : wageLevel(occupation, rules, annual, h1b);
            String ladderEn = String.join(", ", weights.stream().map(w -> "level " + w.key() + " " + w.value()).toList());
            String ladderZh = String.join("，", weights.stream().map(w -> w.key() + " 級 " + w.value() + " 次").toList());
            String since = weights.get(0).effectiveFrom().toString();
            if (levelAtPay != null && !"BELOW_I".equals(levelAtPay)) {
                entries = specialty ? rules.setting(RuleKind.H1B_SELECTION_ENTRIES, levelAtPay)
                        .map(r -> Integer.valueOf(r.value())).orElse(null) : null;
                h1b.text.add("Selection weighted by wage level since " + since + " (" + ladderEn + " entries): "
                                + Money.annualEn(annual, "USD") + " is OFLC wage level " + levelAtPay + ", " + entries
                                + " entries.",
                        "自 " + since + " 起按工資等級加權抽籤（" + ladderZh + "）：" + Money.annualZh(annual, "USD")
                                + " 屬 OFLC 工資等級 " + levelAtPay + "，" + entries + " 次機會。");
            } else if ("BELOW_I".equals(levelAtPay)) {
                specialty = false;
                h1b.text.add("The mid-level pay " + Money.annualEn(annual, "USD")
                                + " is below the level I prevailing wage, which an H-1B job must pay at least.",
                        "中級薪資 " + Money.annualZh(annual, "USD") + " 低於第 I 級現行工資，H-1B 職位不得低於此。");
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

        Route.Draft eb2 = new Route.Draft("EB2", new Reads());
        Optional<Rule> experience = eb2.read(rules.setting(RuleKind.EB2_BACHELOR_EXPERIENCE_YEARS));
        boolean eb2Open = degree.atLeast(DegreeLevel.MASTERS) || degree == DegreeLevel.BACHELOR && experience.isPresent();
        eb2.text.add("EB-2 (advanced degree or exceptional ability): " + degreeEn + (degree.atLeast(DegreeLevel.MASTERS)
                        ? ", an advanced degree." : degree == DegreeLevel.BACHELOR && experience.isPresent()
                        ? "; with " + experience.get().value() + " years' progressive experience it counts as advanced."
                        : "; only exceptional ability would qualify."),
                "EB-2（高等學位或特殊能力）：" + degreeZh + (degree.atLeast(DegreeLevel.MASTERS) ? "，屬高等學位。"
                        : degree == DegreeLevel.BACHELOR && experience.isPresent()
                        ? "；加上 " + experience.get().value() + " 年遞進經驗可視同高等學位。" : "；僅特殊能力可符合。"));
        eb2.read(rules.setting(RuleKind.EB2_PERM_REQUIRED)).filter(r -> "true".equals(r.value()))
                .ifPresent(r -> eb2.text.add("A PERM labor certification is required unless a national interest waiver "
                        + "applies.", "除非獲國家利益豁免，須取得 PERM 勞工證明。"));
        eb2.read(rules.setting(RuleKind.EMPLOYMENT_GREEN_CARDS_PER_YEAR)).ifPresent(r -> eb2.text.add("About "
                        + Money.whole(new BigDecimal(r.value())) + " employment-based green cards a year across all "
                        + "categories; waits follow the Visa Bulletin.",
                "各類職業移民綠卡每年約 " + Money.whole(new BigDecimal(r.value())) + " 張；排期依簽證公告。"));

        Route.Draft perm = new Route.Draft("PERM", new Reads());
        perm.text.add("PERM labor certification: the employer shows that no able, willing and qualified US worker is "
                        + "available; it leads to an EB-2 or EB-3 green card.",
                "PERM 勞工證明：雇主證明找不到有能力、有意願且合格的美國勞工；可申請 EB-2 或 EB-3 綠卡。");

        List<String> open = new ArrayList<>();
        if (specialty) {
            open.add("H1B");
        }
        if (eb2Open) {
            open.add("EB2");
        }
        open.add("PERM");
        MedianWage medianAnnual = rules.setting(RuleKind.MEDIAN_ANNUAL_WAGE)
                .map(r -> new MedianWage(new BigDecimal(r.value()), "USD")).orElse(null);
        ImmigrationStatus summary = new ImmigrationStatus(null, null, null, null, null, null, List.copyOf(open),
                specialty ? entries : null, medianAnnual);
        return new Assessment(summary, List.of(h1b.done(specialty), eb2.done(eb2Open), perm.done(true)), null, null);
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

    private static BigDecimal payThreshold(String value, @Nullable BigDecimal median) {
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

    static String tierEn(int tier) {
        return tier == 1 ? "Green List Tier 1 (Straight to Residence)" : "Green List Tier 2 (Work to Residence)";
    }

    static String tierZh(int tier) {
        return tier == 1 ? "綠名單第一級（直接居留）" : "綠名單第二級（工作轉居留）";
    }

    private static String codeSystems(Country country) {
        return String.join("/", country.codeSystems().stream().map(Enum::name).sorted().toList());
    }

    /** The rules a route read, in the order it read them, each once. */
    static final class Reads {
        final List<Rule> rules = new ArrayList<>();

        Reads copy() {
            Reads copy = new Reads();
            copy.rules.addAll(rules);
            return copy;
        }

        Optional<Rule> read(Optional<Rule> rule) {
            rule.filter(r -> !rules.contains(r)).ifPresent(rules::add);
            return rule;
        }

        List<Rule> readAll(List<Rule> found) {
            found.forEach(r -> read(Optional.of(r)));
            return found;
        }

        Optional<BigDecimal> decimal(RulesOn on, RuleKind kind, @Nullable String key) {
            return read(key == null ? on.setting(kind) : on.setting(kind, key)).map(r -> new BigDecimal(r.value()));
        }
    }

    /** The mid-level pay as an hourly rate in NZD (null when the page gives no NZD salary or no hours rule is in force). */
    record Pay(@Nullable BigDecimal annual, @Nullable BigDecimal hourly, int hours) {

        static Pay hourly(KnownOccupation occupation, RulesOn rules, Reads reads) {
            SalaryBand band = occupation.midLevelBand();
            Optional<Rule> hoursRule = reads.read(rules.setting(RuleKind.STANDARD_WEEKLY_HOURS));
            if (band == null || !rules.country().currency().equals(band.currency()) || hoursRule.isEmpty()) {
                return new Pay(null, null, 0);
            }
            int hours = Integer.parseInt(hoursRule.get().value());
            BigDecimal annual = band.midpoint();
            return new Pay(annual, annual.divide(WEEKS_A_YEAR.multiply(BigDecimal.valueOf(hours)), 2,
                    RoundingMode.HALF_UP), hours);
        }

        /** Null when the pay is not known. */
        @Nullable Boolean meets(BigDecimal hourlyThreshold) {
            return hourly == null ? null : hourly.compareTo(hourlyThreshold) >= 0;
        }

        String describeEn() {
            return "the mid-level pay " + Money.hourlyEn(hourly) + " (" + Money.annualEn(annual, "NZD") + " at "
                    + hours + " hours a week)";
        }

        String describeZh() {
            return "中級薪資" + Money.hourlyZh(hourly) + "（" + Money.annualZh(annual, "NZD") + "，每週 " + hours
                    + " 小時）";
        }

        String verdictEn(@Nullable Boolean met) {
            return met == null ? "the page gives no mid-level pay in NZD to compare"
                    : describeEn() + (met ? " meets it" : " does not");
        }

        String verdictZh(@Nullable Boolean met) {
            return met == null ? "本頁沒有可比較的紐幣中級薪資" : describeZh() + (met ? "符合" : "不符合");
        }
    }

    /** Amounts as people read them. */
    static final class Money {
        private Money() {
        }

        static BigDecimal times(BigDecimal median, BigDecimal multiple) {
            return median.multiply(multiple).setScale(2, RoundingMode.HALF_UP);
        }

        static String hourlyEn(BigDecimal amount) {
            return "NZD " + format(amount, "#,##0.00") + "/h";
        }

        static String hourlyZh(BigDecimal amount) {
            return "每小時 NZD " + format(amount, "#,##0.00");
        }

        static String annualEn(BigDecimal amount, String currency) {
            return currency + " " + format(amount, "#,##0.##") + " a year";
        }

        static String annualZh(BigDecimal amount, String currency) {
            return "年薪 " + currency + " " + format(amount, "#,##0.##");
        }

        static String whole(BigDecimal amount) {
            return format(amount, "#,##0.##");
        }

        static String plain(BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }

        private static String format(BigDecimal amount, String pattern) {
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
        }
    }
}
