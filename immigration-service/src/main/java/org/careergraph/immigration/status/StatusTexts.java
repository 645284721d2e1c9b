package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.immigration.rules.Explanation;

/** What a change of status means, in words: each part that changed, before -> after, in English and Chinese. */
public final class StatusTexts {

    private StatusTexts() {
    }

    /** E.g. "Green List Tier 2 -> Tier 1; SMC income points 0 -> 3". */
    public static Explanation reason(ImmigrationStatus before, ImmigrationStatus after) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        if (!Objects.equals(before.greenListTier(), after.greenListTier())) {
            en.add(tierReasonEn(before.greenListTier(), after.greenListTier()));
            zh.add(tierReasonZh(before.greenListTier(), after.greenListTier()));
        }
        if (before.greenListTier() != null && after.greenListTier() != null) {
            // On or off the list, the threshold comes or goes with the tier; it is news only for a listed role.
            flag(en, zh, "Green List pay threshold met", "符合綠名單薪資門檻", before.greenListPayMet(),
                    after.greenListPayMet());
        }
        flag(en, zh, "SMC wage rule met", "符合技術移民工資規則", before.smcEligible(), after.smcEligible());
        number(en, zh, "SMC income points", "技術移民收入分數", before.smcIncomePoints(), after.smcIncomePoints());
        flag(en, zh, "AEWV wage rule met", "符合 AEWV 工資規則", before.aewvEligible(), after.aewvEligible());
        flag(en, zh, "highly paid Work to Residence open", "高薪工作轉居留開放", before.highlyPaidResidence(),
                after.highlyPaidResidence());
        if (!Objects.equals(before.usRoutes(), after.usRoutes())) {
            en.add("US routes " + routes(before.usRoutes()) + " -> " + routes(after.usRoutes()));
            zh.add("美國途徑 " + routes(before.usRoutes()) + " -> " + routes(after.usRoutes()));
        }
        if (!Objects.equals(before.usRoutesUnknown(), after.usRoutesUnknown())) {
            en.add("US routes not known " + routes(before.usRoutesUnknown()) + " -> "
                    + routes(after.usRoutesUnknown()));
            zh.add("無法判斷的美國途徑 " + routes(before.usRoutesUnknown()) + " -> " + routes(after.usRoutesUnknown()));
        }
        number(en, zh, "H-1B selection entries", "H-1B 抽籤次數", before.h1bSelectionEntries(),
                after.h1bSelectionEntries());
        if (!Objects.equals(before.medianWage(), after.medianWage())) {
            en.add("median wage a year " + amount(before.medianWage()) + " -> " + amount(after.medianWage()));
            zh.add("年中位工資 " + amount(before.medianWage()) + " -> " + amount(after.medianWage()));
        }
        return new Explanation(String.join("; ", en), String.join("；", zh));
    }

    static String tierReasonEn(@Nullable Integer before, @Nullable Integer after) {
        if (before == null) {
            return "added to the Green List at Tier " + after;
        }
        return after == null ? "removed from the Green List" : "Green List Tier " + before + " -> Tier " + after;
    }

    static String tierReasonZh(@Nullable Integer before, @Nullable Integer after) {
        if (before == null) {
            return "列入綠名單第" + (after == 1 ? "一" : "二") + "級";
        }
        return after == null ? "自綠名單移除" : "綠名單第" + (before == 1 ? "一" : "二") + "級 -> 第"
                + (after == 1 ? "一" : "二") + "級";
    }

    private static void flag(List<String> en, List<String> zh, String nameEn, String nameZh, @Nullable Boolean before,
                             @Nullable Boolean after) {
        if (!Objects.equals(before, after)) {
            en.add(nameEn + ": " + yesNoEn(before) + " -> " + yesNoEn(after));
            zh.add(nameZh + "：" + yesNoZh(before) + " -> " + yesNoZh(after));
        }
    }

    private static void number(List<String> en, List<String> zh, String nameEn, String nameZh, @Nullable Integer before,
                               @Nullable Integer after) {
        if (!Objects.equals(before, after)) {
            en.add(nameEn + " " + orDash(before) + " -> " + orDash(after));
            zh.add(nameZh + " " + orDash(before) + " -> " + orDash(after));
        }
    }

    private static String yesNoEn(@Nullable Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    private static String yesNoZh(@Nullable Boolean value) {
        return value == null ? "未知" : value ? "是" : "否";
    }

    private static String orDash(@Nullable Integer value) {
        return value == null ? "-" : value.toString();
    }

    private static String amount(@Nullable ImmigrationStatus.MedianWage wage) {
        return wage == null ? "-" : wage.currency() + " " + Money.whole(wage.perYear());
    }

    private static String routes(@Nullable List<String> routes) {
        return routes == null ? "[]" : routes.toString();
    }
}
