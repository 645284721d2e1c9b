package org.careergraph.notification.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
final class ChangeMessages {

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
    /** How the catalog names a change a release made: "release: BLS OEWS May 2024". */
    private static final String RELEASE_AUTHOR = "release: ";
    /** A changed list or text can be long; a message names the change, the page has the rest. */
    private static final int LONGEST_VALUE = 160;

    private ChangeMessages() {
    }

    /** e.g. "Community Services Worker (anzsco-411215): Green List Tier 2 -> Tier 1 from 2026-12-01 (source: ...)". */
    static Message statusChanged(Occupation occupation, ImmigrationStatusChanged change) {
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

    /** The overall score and each dimension that moved, as of the day the score was recomputed. */
    static Message scoreChanged(Occupation occupation, ScoreChanged change, LocalDate asOf) {
        Score before = change.before();
        Score after = change.after();
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        BigDecimal overallBefore = before == null ? null : before.overall();
        if (!sameNumber(overallBefore, after.overall())) {
            en.add("overall score " + number(overallBefore, "none") + " -> " + number(after.overall(), "none"));
            zh.add("總分 " + number(overallBefore, "無") + " -> " + number(after.overall(), "無"));
        }
        Set<String> names = new LinkedHashSet<>(after.dimensions().keySet());
        if (before != null) {
            names.addAll(before.dimensions().keySet());
        }
        for (String name : names) {
            BigDecimal from = before == null ? null : before.dimensions().get(name);
            BigDecimal to = after.dimensions().get(name);
            if (!sameNumber(from, to)) {
                Label label = DIMENSIONS.getOrDefault(name, new Label(name, name));
                en.add(label.en() + " " + number(from, "none") + " -> " + number(to, "none"));
                zh.add(label.zh() + " " + number(from, "無") + " -> " + number(to, "無"));
            }
        }
        if (en.isEmpty()) {
            en.add("score recomputed, overall " + number(after.overall(), "none"));
            zh.add("分數已重新計算，總分 " + number(after.overall(), "無"));
        }
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(),
                new Label(String.join(", ", en), String.join("，", zh)), asOf, reason(change.reason()));
    }

    /** A new page, or each field that changed with its values before and after. */
    static Message occupationChanged(OccupationChanged change) {
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
        // A publisher's new release is the reason for the change; an editor's name is not told (privacy).
        String release = change.changedBy() != null && change.changedBy().startsWith(RELEASE_AUTHOR)
                ? change.changedBy().substring(RELEASE_AUTHOR.length()) : null;
        Label why = release == null
                ? new Label("(catalog revision " + change.revision() + ")", "（職業目錄第 " + change.revision() + " 版）")
                : new Label("(new official release: " + release + "; catalog revision " + change.revision() + ")",
                        "（官方新版資料：" + release + "；職業目錄第 " + change.revision() + " 版）");
        return compose(change.occupationId(), change.occupation().titleEn(), change.occupation().titleZh(), what,
                change.changedAt().atZone(ZoneOffset.UTC).toLocalDate(), why);
    }

    /** The rules of the update that concern this occupation (the caller picks them by code). */
    static Message policyUpdated(Occupation occupation, PolicyUpdated update, List<RuleChange> rules) {
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

    private record Label(String en, String zh) {
    }
}
