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
            "competitionIntensity", new Label("competition intensity", "競爭強度"),
            "learningDuration", new Label("learning duration", "學習時長"),
            "certification", new Label("certification", "證照要求"),
            "prDifficulty", new Label("PR difficulty", "永居難度"));

    private static final Map<String, Label> PAGE_FIELDS = Map.of(
            "titleEn", new Label("English title", "英文名稱"),
            "titleZh", new Label("Chinese title", "中文名稱"),
            "codeSystem", new Label("code system", "分類系統"),
            "code", new Label("code", "代碼"),
            "skillLevel", new Label("skill level", "技能等級"),
            "salaryBands", new Label("salary bands", "薪資範圍"));

    private ChangeMessages() {
    }

    /** e.g. "Community Services Worker (anzsco-411215): Green List Tier 2 -> Tier 1 from 2026-12-01 (source: ...)". */
    static Message statusChanged(Occupation occupation, ImmigrationStatusChanged change) {
        Integer before = tier(change.before());
        Integer after = tier(change.after());
        String en;
        String zh;
        if (before != null && after != null) {
            en = "Green List Tier " + before + " -> Tier " + after;
            zh = "綠名單" + tierZh(before) + " -> " + tierZh(after);
        } else {
            en = (before == null ? "not on the Green List" : "Green List Tier " + before) + " -> "
                    + (after == null ? "off the Green List" : "Green List Tier " + after);
            zh = (before == null ? "不在綠名單" : "綠名單" + tierZh(before)) + " -> "
                    + (after == null ? "移出綠名單" : "綠名單" + tierZh(after));
        }
        Label why = change.source() != null ? source(change.source()) : reason(change.reason());
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(), new Label(en, zh),
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
        Label why = new Label("(catalog revision " + change.revision() + ")",
                "（職業目錄第 " + change.revision() + " 版）");
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
        Label what = new Label(update.country() + " policy update: " + String.join("; ", en),
                update.country() + " 政策更新：" + String.join("；", zh));
        return compose(occupation.id(), occupation.titleEn(), occupation.titleZh(), what, update.effectiveFrom(),
                source(update.source()));
    }

    private static Message compose(String occupationId, String titleEn, String titleZh, Label what, LocalDate from,
                                   Label why) {
        return new Message(
                titleEn + " (" + occupationId + "): " + what.en() + " from " + from + " " + why.en(),
                titleZh + " (" + occupationId + ")：" + what.zh() + "，自 " + from + " 起" + why.zh());
    }

    private static Label source(String source) {
        return new Label("(source: " + source + ")", "（來源：" + source + "）");
    }

    private static Label reason(String reason) {
        return new Label("(reason: " + reason + ")", "（原因：" + reason + "）");
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

    /** "/salaryBands/1" -> salary band 2; "/titleEn" -> English title; unknown paths as they are. */
    private static Label fieldLabel(String path) {
        String[] parts = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
        Label field = PAGE_FIELDS.get(parts[0]);
        if (field == null) {
            return new Label(path, path);
        }
        if (parts.length == 2 && parts[0].equals("salaryBands") && parts[1].matches("\\d+")) {
            int position = Integer.parseInt(parts[1]) + 1;
            return new Label("salary band " + position, "薪資範圍 " + position);
        }
        return parts.length == 1 ? field : new Label(path, path);
    }

    /** A field value as a reader wants it: a salary band as "mid 60000-75000 NZD", numbers without trailing zeros. */
    private static String value(Object value, String none) {
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
