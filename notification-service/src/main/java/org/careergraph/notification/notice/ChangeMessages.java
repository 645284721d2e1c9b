package org.careergraph.notification.notice;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careergraph.events.FieldChange;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.OccupationChanged;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.notification.occupation.Occupation;

/**
 * The text of every notification, in English and Traditional Chinese: which occupation, what changed (before ->
 * after), from when, and why (the policy source, the catalog revision, the score's reason). Pure functions.
 */
public final class ChangeMessages {

    private static final String GREEN_LIST_TIER = "GREEN_LIST_TIER";
    private static final String[] ZH_NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final Map<String, Label> DIMENSIONS = Map.of(
            "income", new Label("income", "收入"),
            "demandOutlook", new Label("demand outlook", "需求前景"),
            "prFriendliness", new Label("PR friendliness", "永居友善度"),
            "aiRisk", new Label("AI risk", "AI 風險"),
            "competition", new Label("competition intensity", "競爭強度"),
            "learningDuration", new Label("learning duration", "學習時長"),
            "certification", new Label("certification", "證照要求"),
            "prDifficulty", new Label("PR difficulty", "永居難度"));

    /** Change paths as the catalog writes them, relative to the page ("title/en", "aiImpact/tools"). */
    private static final Map<String, Label> PAGE_FIELDS = Map.ofEntries(
            Map.entry("title/en", new Label("English title", "英文名稱")),
            Map.entry("title/zh", new Label("Chinese title", "中文名稱")),
            Map.entry("codeSystem", new Label("code system", "分類系統")),
            Map.entry("code", new Label("code", "代碼")),
            Map.entry("crosswalk", new Label("related codes", "對應代碼")),
            Map.entry("skillLevel", new Label("skill level", "技能等級")),
            Map.entry("skilledMigration", new Label("skilled migration", "技術移民職業")),
            Map.entry("publishedOverallScore", new Label("published overall score", "頁面總體評分")),
            Map.entry("summary", new Label("summary", "摘要")),
            Map.entry("aiImpact/verdict", new Label("AI verdict", "AI 影響判斷")),
            Map.entry("aiImpact/verdictText", new Label("AI verdict text", "AI 影響說明")),
            Map.entry("aiImpact/tools", new Label("AI tools already replacing the job", "已在取代此工作的 AI 工具")),
            Map.entry("aiImpact/tasksTakenOver", new Label("tasks AI will take over", "AI 將接手的任務")),
            Map.entry("aiImpact/tasksAugmented", new Label("tasks AI will augment", "AI 將增強的任務")),
            Map.entry("aiImpact/humanMoat", new Label("human moat", "人類護城河")),
            Map.entry("aiImpact/skillsToBuild", new Label("skills to build", "需培養的技能")),
            Map.entry("aiImpact/entryLevelOutlook", new Label("entry-level outlook", "入門前景")),
            Map.entry("aiImpact/levelUp", new Label("how to level up", "如何升級")),
            Map.entry("salaryBands", new Label("salary bands", "薪資範圍")),
            Map.entry("educationPaths", new Label("education paths", "教育路徑")),
            Map.entry("qualifications", new Label("qualifications", "資格")),
            Map.entry("visaPathways", new Label("visa pathways", "簽證途徑")),
            Map.entry("immigrationNote", new Label("immigration note", "移民說明")),
            Map.entry("suitableFor", new Label("suitable for", "適合對象")),
            Map.entry("notSuitableFor", new Label("not suitable for", "不適合對象")),
            Map.entry("careerProspects", new Label("career prospects", "職業前景")),
            Map.entry("outlook", new Label("outlook", "前景展望")),
            Map.entry("growthAreas", new Label("growth areas", "成長領域")),
            Map.entry("faq", new Label("FAQ", "常見問題")),
            Map.entry("dataSources", new Label("data sources", "數據來源")),
            Map.entry("editorial/demandOutlook", new Label("demand outlook rating", "需求前景評分")),
            Map.entry("editorial/competition", new Label("competition rating", "競爭強度評分")),
            Map.entry("archived", new Label("archived", "已封存")));
    /** The sections of an occupation's official record, as the catalog's releases fill them. */
    private static final Map<String, Label> OFFICIAL_FIELDS = Map.ofEntries(
            Map.entry("title", new Label("official title", "官方名稱")),
            Map.entry("description", new Label("official description", "官方說明")),
            Map.entry("tasks", new Label("tasks (O*NET)", "工作任務（O*NET）")),
            Map.entry("jobZone", new Label("job zone (O*NET)", "職業準備等級（O*NET）")),
            Map.entry("groups", new Label("classification groups", "分類群組")),
            Map.entry("alternateTitles", new Label("other titles (O*NET)", "其他名稱（O*NET）")),
            Map.entry("wages", new Label("US wages (BLS OEWS)", "美國薪資（BLS OEWS）")),
            Map.entry("projections", new Label("US employment outlook (BLS)", "美國就業展望（BLS）")),
            Map.entry("llmExposure", new Label("LLM exposure (GPTs are GPTs)", "大型語言模型暴露度（GPTs are GPTs）")),
            Map.entry("aiApplicability", new Label("AI applicability (Working with AI)",
                    "AI 適用度（Working with AI）")));
    /**
     * The figures of PublishedFacts a score change names ("/published/medianWage"): how each is called, its unit, the
     * field naming its release, and the section of the official record it comes from.
     */
    private static final Map<String, Figure> FIGURES = Map.ofEntries(
            Map.entry("medianWage", new Figure("median pay", "薪資中位數", Unit.USD, "wageRelease", "wages")),
            Map.entry("medianWageAtLeast", new Figure("median pay top-coded", "薪資中位數為公布上限", Unit.FLAG,
                    "wageRelease", "wages")),
            Map.entry("wageSocCode", new Figure("wages published under SOC", "薪資所屬 SOC 代碼", Unit.TEXT,
                    "wageRelease", "wages")),
            Map.entry("allOccupationsMedianWage", new Figure("all occupations' median", "全體職業薪資中位數", Unit.USD,
                    "wageRelease", "wages")),
            Map.entry("employmentChange", new Figure("projected employment change", "預估就業變化", Unit.PERCENT,
                    "projectionsRelease", "projections")),
            Map.entry("annualOpenings", new Figure("openings a year", "每年職缺", Unit.THOUSANDS,
                    "projectionsRelease", "projections")),
            Map.entry("employmentBase", new Figure("employment (base year)", "就業人數（基準年）", Unit.THOUSANDS,
                    "projectionsRelease", "projections")),
            Map.entry("allOccupationsEmploymentChange", new Figure("all occupations' projected employment change",
                    "全體職業預估就業變化", Unit.PERCENT, "projectionsRelease", "projections")),
            Map.entry("allOccupationsEmploymentBase", new Figure("all occupations' employment (base year)",
                    "全體職業就業人數（基準年）", Unit.THOUSANDS, "projectionsRelease", "projections")),
            Map.entry("allOccupationsAnnualOpenings", new Figure("all occupations' openings a year",
                    "全體職業每年職缺", Unit.THOUSANDS, "projectionsRelease", "projections")),
            Map.entry("entryEducation", new Figure("typical entry education", "一般入職學歷", Unit.TEXT,
                    "projectionsRelease", "projections")),
            Map.entry("workExperience", new Figure("work experience needed", "所需工作經驗", Unit.TEXT,
                    "projectionsRelease", "projections")),
            Map.entry("onTheJobTraining", new Figure("on-the-job training", "在職訓練", Unit.TEXT,
                    "projectionsRelease", "projections")),
            Map.entry("jobZone", new Figure("job zone (O*NET)", "職業準備等級（O*NET）", Unit.NUMBER, "jobZoneRelease",
                    "jobZone")),
            Map.entry("llmExposureGpt4", new Figure("LLM exposure (GPT-4 rated)", "大型語言模型暴露度（GPT-4 評估）",
                    Unit.NUMBER, "llmExposureRelease", "llmExposure")),
            Map.entry("llmExposureHuman", new Figure("LLM exposure (human rated)", "大型語言模型暴露度（人工評估）",
                    Unit.NUMBER, "llmExposureRelease", "llmExposure")),
            Map.entry("aiApplicability", new Figure("AI applicability", "AI 適用度", Unit.NUMBER,
                    "aiApplicabilityRelease", "aiApplicability")));
    /** The fields of PublishedFacts naming a release, told beside the first figure of theirs that moved. */
    private static final Map<String, Release> RELEASES = Map.of(
            "wageRelease", new Release(new Label("US wages release", "美國薪資資料版本"), "wages"),
            "projectionsRelease", new Release(new Label("US employment projections release", "美國就業預測資料版本"),
                    "projections"),
            "llmExposureRelease", new Release(new Label("LLM exposure release", "大型語言模型暴露度資料版本"),
                    "llmExposure"),
            "aiApplicabilityRelease", new Release(new Label("AI applicability release", "AI 適用度資料版本"),
                    "aiApplicability"),
            "jobZoneRelease", new Release(new Label("O*NET release", "O*NET 資料版本"), "jobZone"),
            "skillLevelRelease", new Release(new Label("skill level release", "技能等級資料版本"), "skillLevel"));
    private static final String PUBLISHED = "published/";
    /** Where the date of a release's name starts ("OEWS May 2024"), when it does not start with a number. */
    private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    /** How the catalog names a change a release made: "release: BLS OEWS May 2024". */
    private static final String RELEASE_AUTHOR = "release: ";
    /** A changed list or text can be long; a message names the change, the page has the rest. */
    private static final int LONGEST_VALUE = 160;

    private ChangeMessages() {
    }

    /** e.g. "Community Services Worker (anzsco-411215): Green List Tier 2 -> Tier 1 from 2026-12-01 (source: ...)". */
    public static Message statusChanged(Occupation occupation, ImmigrationStatusChanged change) {
        Label what;
        if (change.reasonZh() != null) {
            // The immigration service says what changed in both languages (every part of the status, not just the tier).
            what = new Label(change.country() + " immigration status: " + change.reason(),
                    change.country() + " 移民狀態：" + change.reasonZh());
        } else {
            what = tierMove(tier(change.before()), tier(change.after()));
        }
        Label why = change.source() != null ? source(change.source())
                : change.reasonZh() != null ? new Label("", "") : reason(change.reason());
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(), what,
                change.effectiveFrom(), why);
    }

    /**
     * The overall score and each dimension that moved, as of the day the score was recomputed; a move caused by new
     * published figures names them first ("median pay USD 108,020 -> 112,590 (OEWS May 2023 -> May 2024); income
     * 7.1 -> 7.3; overall 6.2 -> 6.3").
     */
    public static Message scoreChanged(Occupation occupation, ScoreChanged change, LocalDate asOf) {
        if (!change.inputChanges().isEmpty()) {
            Label what = joined(figures(change.inputChanges()), scoreMoves(change));
            return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(), what, asOf,
                    reason(change.reason()));
        }
        Score before = change.before();
        Score after = change.after();
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        BigDecimal overallBefore = before == null ? null : before.overall();
        if (!sameNumber(overallBefore, after.overall())) {
            en.add("overall score " + number(overallBefore, "none") + " -> " + number(after.overall(), "none"));
            zh.add("總分 " + number(overallBefore, "無") + " -> " + number(after.overall(), "無"));
        }
        for (Label move : dimensionMoves(before, after)) {
            en.add(move.en());
            zh.add(move.zh());
        }
        if (en.isEmpty()) {
            en.add("score recomputed, overall " + number(after.overall(), "none"));
            zh.add("分數已重新計算，總分 " + number(after.overall(), "無"));
        }
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(),
                new Label(String.join(", ", en), String.join("，", zh)), asOf, reason(change.reason()));
    }

    /**
     * A release's catalog change and the score move it caused, told as one: the figures that moved, the other
     * fields the release changed (named only: the page has their values), then the score; from the day of the
     * release, which is the reason. A new page, or a score change without figures (a scorer that names none), tells
     * the catalog change as it is told alone, then the score.
     */
    static Message releaseScored(OccupationChanged release, ScoreChanged score) {
        return releaseScored(release, releaseOf(release), score);
    }

    /** The same, for a release read back from its stored payload (kept without its author): its release named. */
    static Message releaseScored(OccupationChanged release, String releaseName, ScoreChanged score) {
        List<Label> parts = new ArrayList<>();
        if (score.inputChanges().isEmpty() || release.kind() == OccupationChanged.ChangeKind.CREATED) {
            parts.add(catalogChange(release));
        } else {
            parts.addAll(figures(score.inputChanges()));
            Set<String> told = figureSections(score.inputChanges());
            Set<String> en = new LinkedHashSet<>();
            Set<String> zh = new LinkedHashSet<>();
            for (FieldChange field : release.changes()) {
                String[] path = relative(field.path()).split("/");
                if (!(path[0].equals("official") && path.length > 1 && told.contains(path[1]))) {
                    Label label = fieldLabel(field.path());
                    en.add(label.en());
                    zh.add(label.zh());
                }
            }
            if (!en.isEmpty()) {
                parts.add(new Label("also updated: " + String.join(", ", en), "另有更新：" + String.join("、", zh)));
            }
        }
        parts.addAll(scoreMoves(score));
        return compose(release.occupationId(), release.occupation().titleEn(), release.occupation().titleZh(),
                joined(parts), changedOn(release), catalogReason(release, releaseName));
    }

    /** A new page, or each field that changed with its values before and after. */
    public static Message occupationChanged(OccupationChanged change) {
        return compose(change.occupationId(), change.occupation().titleEn(), change.occupation().titleZh(),
                catalogChange(change), changedOn(change), catalogReason(change, releaseOf(change)));
    }

    /** The release that made a catalog change ("BLS OEWS May 2024"), or null for an editor's edit. */
    public static String releaseOf(OccupationChanged change) {
        return change.changedBy() != null && change.changedBy().startsWith(RELEASE_AUTHOR)
                ? change.changedBy().substring(RELEASE_AUTHOR.length()) : null;
    }

    private static LocalDate changedOn(OccupationChanged change) {
        return change.changedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Label catalogChange(OccupationChanged change) {
        Label what;
        if (change.kind() == OccupationChanged.ChangeKind.CREATED) {
            what = new Label("added to the catalog", "已加入職業目錄");
        } else if (change.changes().isEmpty()) {
            what = new Label("page updated", "頁面已更新");
        } else {
            List<String> en = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            for (FieldChange field : change.changes()) {
                Label label = fieldLabel(field.path());
                en.add(label.en() + ": " + value(field.before(), "none") + " -> " + value(field.after(), "none"));
                zh.add(label.zh() + "：" + value(field.before(), "無") + " -> " + value(field.after(), "無"));
            }
            what = new Label(String.join("; ", en), String.join("；", zh));
        }
        return what;
    }

    /** A publisher's new release is the reason for the change; an editor's name is not told (privacy). */
    private static Label catalogReason(OccupationChanged change, String release) {
        return release == null
                ? new Label("(catalog revision " + change.revision() + ")", "（職業目錄第 " + change.revision() + " 版）")
                : new Label("(new official release: " + release + "; catalog revision " + change.revision() + ")",
                        "（官方新版資料：" + release + "；職業目錄第 " + change.revision() + " 版）");
    }

    /** Each dimension that moved, then the overall: "income 7.1 -> 7.3", "overall 6.2 -> 6.3". */
    private static List<Label> scoreMoves(ScoreChanged change) {
        Score before = change.before();
        Score after = change.after();
        List<Label> moves = dimensionMoves(before, after);
        BigDecimal overallBefore = before == null ? null : before.overall();
        if (!sameNumber(overallBefore, after.overall())) {
            moves.add(new Label("overall " + number(overallBefore, "none") + " -> " + number(after.overall(), "none"),
                    "總分 " + number(overallBefore, "無") + " -> " + number(after.overall(), "無")));
        } else if (moves.isEmpty()) {
            moves.add(new Label("score recomputed, overall " + number(after.overall(), "none"),
                    "分數已重新計算，總分 " + number(after.overall(), "無")));
        }
        return moves;
    }

    /** Each dimension that moved (or appeared, or is no longer rated): "income 7.1 -> 7.3". */
    private static List<Label> dimensionMoves(@Nullable Score before, Score after) {
        List<Label> moves = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(after.dimensions().keySet());
        if (before != null) {
            names.addAll(before.dimensions().keySet());
        }
        for (String name : names) {
            BigDecimal from = before == null ? null : before.dimensions().get(name);
            BigDecimal to = after.dimensions().get(name);
            if (!sameNumber(from, to)) {
                Label label = DIMENSIONS.getOrDefault(name, new Label(name, name));
                moves.add(new Label(label.en() + " " + number(from, "none") + " -> " + number(to, "none"),
                        label.zh() + " " + number(from, "無") + " -> " + number(to, "無")));
            }
        }
        return moves;
    }

    /**
     * The published figures that moved, in the order given, each with its release before -> after where that changed
     * (said once per release, after its first figure); a release that changed with none of its figures moving is told
     * alone. Amounts are USD, openings and employment in thousands as BLS publishes them (told as numbers of jobs).
     */
    private static List<Label> figures(List<FieldChange> inputs) {
        Map<String, FieldChange> releaseMoves = new LinkedHashMap<>();
        for (FieldChange input : inputs) {
            String name = published(input.path());
            if (RELEASES.containsKey(name) && !sameValue(input.before(), input.after())) {
                releaseMoves.put(name, input);
            }
        }
        List<Label> figures = new ArrayList<>();
        for (FieldChange input : inputs) {
            String name = published(input.path());
            if (RELEASES.containsKey(name) || sameValue(input.before(), input.after())) {
                continue;
            }
            Figure figure = FIGURES.getOrDefault(name, new Figure(name, name, Unit.TEXT, null, null));
            String en = figure.label().en() + " " + figure.unit().move(input.before(), input.after(), false);
            String zh = figure.label().zh() + " " + figure.unit().move(input.before(), input.after(), true);
            FieldChange release = figure.release() == null ? null : releaseMoves.remove(figure.release());
            if (release != null) {
                String move = releaseMove(release.before(), release.after());
                en += " (" + move + ")";
                zh += "（" + move + "）";
            }
            figures.add(new Label(en, zh));
        }
        releaseMoves.forEach((name, release) -> {
            Label label = RELEASES.get(name).label();
            String move = releaseMove(release.before(), release.after());
            figures.add(new Label(label.en() + ": " + move, label.zh() + "：" + move));
        });
        return figures;
    }

    /** The official record's sections the figures stand for ("wages", "projections"...). */
    private static Set<String> figureSections(List<FieldChange> inputs) {
        Set<String> sections = new LinkedHashSet<>();
        for (FieldChange input : inputs) {
            String name = published(input.path());
            if (RELEASES.containsKey(name)) {
                sections.add(RELEASES.get(name).section());
            } else if (FIGURES.containsKey(name)) {
                sections.add(FIGURES.get(name).section());
            }
        }
        return sections;
    }

    /** "/published/medianWage" -> medianWage. */
    private static String published(String path) {
        String relative = relative(path);
        return relative.startsWith(PUBLISHED) ? relative.substring(PUBLISHED.length()) : relative;
    }

    /**
     * "OEWS May 2023 -> May 2024": without the "BLS " every BLS release starts with, and the series said once when
     * both name the same one (the series is what comes before the date: a month or a number).
     */
    static String releaseMove(Object before, Object after) {
        String from = before == null ? null : shortRelease(before.toString());
        String to = after == null ? null : shortRelease(after.toString());
        if (from == null || to == null) {
            return (from == null ? "none" : from) + " -> " + (to == null ? "none" : to);
        }
        String series = series(from);
        if (!series.isEmpty() && series.equals(series(to))) {
            return from + " -> " + to.substring(series.length()).trim();
        }
        return from + " -> " + to;
    }

    private static String shortRelease(String release) {
        return release.startsWith("BLS ") ? release.substring(4) : release;
    }

    /** The words before the first month or number: "OEWS" of "OEWS May 2024", "GPTs are GPTs" of "GPTs are GPTs 2024". */
    private static String series(String release) {
        String[] words = release.split(" ");
        StringBuilder series = new StringBuilder();
        for (String word : words) {
            if (MONTHS.contains(word) || word.chars().anyMatch(Character::isDigit)) {
                return series.toString().trim();
            }
            series.append(word).append(' ');
        }
        return "";
    }

    private static Label joined(List<Label> parts) {
        return new Label(String.join("; ", parts.stream().map(Label::en).toList()),
                String.join("；", parts.stream().map(Label::zh).toList()));
    }

    private static Label joined(List<Label> first, List<Label> then) {
        List<Label> parts = new ArrayList<>(first);
        parts.addAll(then);
        return joined(parts);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The rules of the update that concern this occupation (the caller picks them by code). */
    public static Message policyUpdated(Occupation occupation, PolicyUpdated update, List<RuleChange> rules) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (RuleChange rule : rules) {
            if (GREEN_LIST_TIER.equals(rule.kind())) {
                en.add(rule.value() == null ? "removed from the Green List" : "Green List Tier " + rule.value());
                zh.add(rule.value() == null ? "移出綠名單" : "綠名單" + tierZh(rule.value()));
            } else {
                en.add(rule.kind() + (rule.value() == null ? " removed" : " " + rule.value()));
                zh.add(rule.kind() + (rule.value() == null ? " 已移除" : " " + rule.value()));
            }
        }
        Label what = update.withdrawn()
                ? new Label(update.country() + " policy update withdrawn, it will not take effect: " + String.join("; ", en),
                        update.country() + " 政策更新已撤回，不會生效：" + String.join("；", zh))
                : new Label(update.country() + " policy update: " + String.join("; ", en),
                        update.country() + " 政策更新：" + String.join("；", zh));
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(), what, update.effectiveFrom(),
                source(update.source()));
    }

    private static Message compose(String occupationId, String titleEn, String titleZh, Label what, LocalDate from,
                                   Label why) {
        return new Message(
                titleEn + " (" + occupationId + "): " + what.en() + " from " + from
                        + (why.en().isEmpty() ? "" : " " + why.en()),
                titleZh + " (" + occupationId + ")：" + what.zh() + "，自 " + from + " 起" + why.zh());
    }

    private static Label source(String source) {
        return new Label("(source: " + source + ")", "（來源：" + source + "）");
    }

    private static Label reason(String reason) {
        return new Label("(reason: " + reason + ")", "（原因：" + reason + "）");
    }

    /** What events from before {@code reasonZh} can say: the Green List tier, before and after. */
    private static Label tierMove(Integer before, Integer after) {
        if (before != null && after != null) {
            return new Label("Green List Tier " + before + " -> Tier " + after,
                    "綠名單" + tierZh(before) + " -> " + tierZh(after));
        }
        return new Label((before == null ? "not on the Green List" : "Green List Tier " + before) + " -> "
                + (after == null ? "off the Green List" : "Green List Tier " + after),
                (before == null ? "不在綠名單" : "綠名單" + tierZh(before)) + " -> "
                        + (after == null ? "移出綠名單" : "綠名單" + tierZh(after)));
    }

    private static Integer tier(ImmigrationStatus status) {
        return status == null ? null : status.greenListTier();
    }

    private static String tierZh(Object tier) {
        String text = String.valueOf(tier).trim();
        try {
            int n = Integer.parseInt(text);
            return "第" + (n >= 0 && n < ZH_NUMERALS.length ? ZH_NUMERALS[n] : text) + "級";
        } catch (NumberFormatException e) {
            return "第" + text + "級";
        }
    }

    /** "/title/en" -> English title; "/summary/zh" -> summary; "/salaryBands/1" -> salary band 2; else the path. */
    private static Label fieldLabel(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = relative.split("/");
        if (parts.length == 2 && parts[0].equals("salaryBands") && parts[1].matches("\\d+")) {
            int position = Integer.parseInt(parts[1]) + 1;
            return new Label("salary band " + position, "薪資範圍 " + position);
        }
        if (parts[0].equals("official") && parts.length > 1 && OFFICIAL_FIELDS.containsKey(parts[1])) {
            Label section = OFFICIAL_FIELDS.get(parts[1]);
            return parts.length == 2 ? section : new Label(section.en() + " (" + String.join(" ",
                    List.of(parts).subList(2, parts.length)) + ")", section.zh() + "（" + String.join(" ",
                    List.of(parts).subList(2, parts.length)) + "）");
        }
        Label field = PAGE_FIELDS.get(relative);
        if (field == null && parts.length == 2) {
            field = PAGE_FIELDS.get(parts[0]);
        }
        return field == null ? new Label(path, path) : field;
    }

    /** A field value as a reader wants it, shortened: a salary band as "mid 60000-75000 NZD". */
    private static String value(Object value, String none) {
        String text = fullValue(value, none);
        return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE - 1) + "…";
    }

    /** Numbers without trailing zeros; a localized text as its words. */
    private static String fullValue(Object value, String none) {
        if (value == null) {
            return none;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("min") && map.containsKey("max")) {
                String level = map.get("level") == null ? "" : map.get("level") + " ";
                String currency = map.get("currency") == null ? "" : " " + map.get("currency");
                return level + value(map.get("min"), none) + "-" + value(map.get("max"), none) + currency;
            }
            return join(map.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue(), none)).toList());
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? none : join(list.stream().map(v -> value(v, none)).toList());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String join(List<String> parts) {
        return String.join(", ", parts);
    }

    private static String number(BigDecimal value, String none) {
        return value == null ? none : value.toPlainString();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    /** A value as a reader expects it: strings that hold numbers (as JSON may bring them) count as numbers. */
    private static BigDecimal decimal(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The same value, also when one side is a number and the other the same number as a string. */
    private static boolean sameValue(Object a, Object b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return x != null && y != null ? x.compareTo(y) == 0 : Objects.equals(a, b);
    }

    private record Label(String en, String zh) {
    }

    private record Figure(Label label, Unit unit, String release, String section) {

        Figure(String en, String zh, Unit unit, String release, String section) {
            this(new Label(en, zh), unit, release, section);
        }
    }

    private record Release(Label label, String section) {
    }

    /** How a figure is written, in either language; a value that is not the number its unit expects is told as is. */
    private enum Unit {
        USD, PERCENT, THOUSANDS, NUMBER, FLAG, TEXT;

        private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

        /** "USD 108,020 -> 112,590": the currency once when both are amounts. */
        String move(Object before, Object after, boolean zh) {
            BigDecimal from = decimal(before);
            BigDecimal to = decimal(after);
            if (this == USD && from != null && to != null) {
                return "USD " + grouped(from) + " -> " + grouped(to);
            }
            return format(before, zh) + " -> " + format(after, zh);
        }

        String format(Object value, boolean zh) {
            String none = zh ? "無" : "none";
            if (value == null) {
                return none;
            }
            BigDecimal number = decimal(value);
            return switch (this) {
                case USD -> number == null ? value(value, none) : "USD " + grouped(number);
                case PERCENT -> number == null ? value(value, none) : number.stripTrailingZeros().toPlainString() + "%";
                case THOUSANDS -> number == null ? value(value, none) : grouped(number.multiply(THOUSAND));
                case NUMBER -> number == null ? value(value, none) : number.stripTrailingZeros().toPlainString();
                case FLAG -> Boolean.parseBoolean(value.toString()) ? (zh ? "是" : "yes") : (zh ? "否" : "no");
                case TEXT -> value(value, none);
            };
        }

        /** 108020 -> "108,020"; 17.25 -> "17.25". */
        private static String grouped(BigDecimal number) {
            return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US)).format(number);
        }
    }
}
