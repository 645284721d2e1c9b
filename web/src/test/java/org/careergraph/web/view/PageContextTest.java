package org.careergraph.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.Roles;
import org.careergraph.web.i18n.Language;
import org.junit.jupiter.api.Test;

class PageContextTest {

    private static final PageContext EN = page(Language.EN);
    private static final PageContext ZH = page(Language.ZH);
    private static final Map<String, String> BOTH = Map.of("en", "Engineer", "zh", "工程師");

    @Test
    void aTimeLeftIsInHoursMinutesAndSecondsOfTheReadersLanguage() {
        assertEquals("2 min 5 s", EN.duration(125));
        assertEquals("2 分 5 秒", ZH.duration(125));
        assertEquals("0 s", EN.duration(0));
        assertEquals("13 s", EN.duration("12.3"), "rounded up: never less than is left");
        assertEquals("3 min", EN.duration(180));
        assertEquals("1 h 2 min", EN.duration(3725), "no seconds beside hours");
        assertEquals("26 h", EN.duration(93_600));
        assertEquals("", EN.duration(null));
        assertEquals("", EN.duration(-5));
        assertEquals("", EN.duration("soon"));
    }

    @Test
    void textIsInTheReadersLanguage() {
        assertEquals("Engineer", EN.text(BOTH));
        assertEquals("工程師", ZH.text(BOTH));
        assertNull(EN.textLang(BOTH));
        assertNull(ZH.textLang(BOTH));
    }

    @Test
    void textFallsBackToTheOtherLanguageAndSaysSo() {
        Map<String, String> chineseOnly = Map.of("zh", "工程師");
        Map<String, String> blankEnglish = Map.of("en", " ", "zh", "工程師");
        Map<String, String> englishOnly = Map.of("en", "Engineer");

        assertEquals("工程師", EN.text(chineseOnly));
        assertEquals("zh-Hant", EN.textLang(chineseOnly));
        assertEquals("工程師", EN.text(blankEnglish));
        assertEquals("zh-Hant", EN.textLang(blankEnglish));
        assertEquals("Engineer", ZH.text(englishOnly));
        assertEquals("en", ZH.textLang(englishOnly));
    }

    @Test
    void textOfPlainStringsAndNothing() {
        assertEquals("ANZSCO", ZH.text("ANZSCO"));
        assertEquals("42", EN.text(42));
        assertEquals("", EN.text(null));
        assertEquals("", EN.text(Map.of()));
        assertNull(EN.textLang("ANZSCO"));
        assertNull(EN.textLang(null));
        assertNull(EN.textLang(Map.of()));
    }

    @Test
    void wagesAsTheyAreShown() {
        assertEquals("93,600", EN.money(Map.of("amount", 93600, "atLeast", false)));
        assertEquals("≥ 239,200", EN.money(Map.of("amount", 239200, "atLeast", true)));
        assertEquals("48,000", EN.money(48000));
        assertEquals("", EN.money(null));
        assertEquals("", EN.money(Map.of("atLeast", true)));
        assertEquals("45.00", EN.moneyCents(Map.of("amount", 45, "atLeast", false)));
        assertEquals("≥ 115.00", EN.moneyCents(Map.of("amount", "115", "atLeast", true)));
        assertEquals("31.75", EN.moneyCents(31.75));
        assertEquals("", EN.moneyCents("n/a"));
    }

    @Test
    void sharesChangesAndThousands() {
        assertEquals("33%", EN.percent(0.333333));
        assertEquals("100%", EN.percent(1));
        assertEquals("0%", EN.percent("0.004"));
        assertEquals("", EN.percent(null));
        assertEquals("", EN.percent("high"));
        assertEquals("+5.6%", EN.change(5.6));
        assertEquals("−3.25%", EN.change("-3.25"));
        assertEquals("0%", EN.change(0));
        assertEquals("3,172,500", EN.thousands(3172.5));
        assertEquals("193,100", EN.thousands("193.1"));
        assertEquals("", EN.thousands(null));
        assertEquals("0.12", EN.score01(0.121785));
        assertEquals("1.00", EN.score01(1));
    }

    @Test
    void groupTitlesInCapitalsAreWrittenAsTitles() {
        assertEquals("Professionals", EN.groupTitle("PROFESSIONALS"));
        assertEquals("Community and personal service workers", EN.groupTitle("COMMUNITY AND PERSONAL SERVICE WORKERS"));
        assertEquals("ICT Professionals", EN.groupTitle("ICT Professionals"));
        assertEquals("專業人員", EN.groupTitle("專業人員"));
        assertEquals("", EN.groupTitle(null));
    }

    @Test
    void atNavigatesSafely() {
        Map<String, Object> item = Map.of("page", Map.of("aiImpact", Map.of("verdict", "MIXED"), "code", "411215"));

        assertEquals("MIXED", EN.at(item, "page.aiImpact.verdict"));
        assertEquals(Map.of("verdict", "MIXED"), EN.at(item, "page.aiImpact"));
        assertNull(EN.at(item, "page.missing.verdict"));
        assertNull(EN.at(item, "page.code.length"), "a step into a string");
        assertNull(EN.at(item, "page.aiImpact.verdict.deeper"));
        assertNull(EN.at(List.of(item), "page"), "a step into a list");
        assertNull(EN.at(null, "page"));
    }

    @Test
    void numberGroupsAndRoundsToTwoDecimals() {
        assertEquals("72,800", EN.number(72800));
        assertEquals("72,800", EN.number("72800.00"));
        assertEquals("1,234,567.89", EN.number("1234567.891"));
        assertEquals("7.5", EN.number(7.5));
        assertEquals("-3", EN.number(-3));
        assertEquals("1,000", EN.number("1e3"), "every form BigDecimal reads");
        assertEquals("0.5", EN.number(".5"));
        assertEquals("72,800", ZH.number(72800), "the same digits in both languages");
    }

    @Test
    void numberPassesOtherTextThrough() {
        assertEquals("2026-01-01", EN.number("2026-01-01"));
        assertEquals("about 5", EN.number("about 5"));
        assertEquals("", EN.number(null));
        assertEquals("", EN.number(" "));
    }

    @Test
    void rangeShowsBothEndsOrOne() {
        assertEquals("NZD 48,000 – 58,000", EN.range("NZD", 48000, 58000));
        assertEquals("NZD 48,000", EN.range("NZD", 48000, null));
        assertEquals("NZD 58,000", EN.range("NZD", null, "58000"));
        assertEquals("NZD 50,000", EN.range("NZD", 50000, "50000.00"));
        assertEquals("48,000 – 58,000", EN.range(null, 48000, 58000));
        assertEquals("", EN.range("NZD", null, null));
    }

    @Test
    void rangeOfDates() {
        assertEquals("2026-01-01 – 2026-06-30", EN.range(null, "2026-01-01", "2026-06-30"));
        assertEquals("2026-01-01", EN.range(null, "2026-01-01", null));
    }

    @Test
    void dateShowsAnInstantInUtcAndOtherTextAsItIs() {
        assertEquals("2026-12-02 05:51 UTC", EN.date("2026-12-02T05:51:59.123456Z"));
        assertEquals("2026-12-02 05:51 UTC", ZH.date(Instant.parse("2026-12-02T05:51:00Z")));
        assertEquals("2026-12-01 23:00 UTC", EN.date("2026-12-02T12:00:00+13:00"));
        assertEquals("2026-12-02", EN.date("2026-12-02"));
        assertEquals("soon", EN.date("soon"));
        assertEquals("", EN.date(null));
    }

    @Test
    void wordsOfThePage() {
        assertEquals("Mixed", EN.word("verdict.", "MIXED"));
        assertEquals("", EN.word("verdict.", null));
        assertEquals("中文", EN.getOtherLanguageName());
        assertEquals("English", ZH.getOtherLanguageName());
        assertEquals("zh-Hant", EN.getOtherHtmlLang());
        assertEquals("zh-Hant", ZH.getHtmlLang());
    }

    @Test
    void switchUrlKeepsTheQueryAndSwapsTheLanguage() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("q", List.of("軟體 工程&師"));
        query.put("lang", List.of("en"));
        query.put("kinds", List.of("SCORE", "SALARY"));

        assertEquals("?q=%E8%BB%9F%E9%AB%94+%E5%B7%A5%E7%A8%8B%26%E5%B8%AB&kinds=SCORE&kinds=SALARY&lang=zh",
                new PageContext(Language.EN, query, null, null).getSwitchUrl());
        assertEquals("?lang=en", new PageContext(Language.ZH, Map.of(), null, null).getSwitchUrl());
        assertNull(new PageContext(Language.ZH, null, null, null).getSwitchUrl(), "no link on a form's answer");
    }

    @Test
    void langOfTellsChineseFromEnglishText() {
        assertEquals("zh-Hant", page(Language.EN).langOf("初級(0-3年)"));
        assertNull(page(Language.EN).langOf("Senior (6+ years)"));
        assertEquals("en", page(Language.ZH).langOf("Senior (6+ years)"));
        assertNull(page(Language.ZH).langOf("中級"));
        assertNull(page(Language.EN).langOf(null));
    }

    @Test
    void isAdminOnlyWithTheAdminRole() {
        Instant later = Instant.now().plusSeconds(60);
        assertFalse(EN.isAdmin());
        assertFalse(new PageContext(Language.EN, Map.of(), new Caller("ed", List.of(Roles.EDITOR), later), "c")
                .isAdmin());
        assertTrue(new PageContext(Language.EN, Map.of(), new Caller("ana", List.of(Roles.ADMIN), later), "c")
                .isAdmin());
    }

    private static PageContext page(Language language) {
        return new PageContext(language, Map.of(), null, null);
    }
}
