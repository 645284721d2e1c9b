package org.careergraph.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void parseKnowsEnglishAndChineseWithAnyRegionOrScript() {
        for (String english : new String[] {"en", "EN", "en-NZ", " en-us "}) {
            assertEquals(Optional.of(Language.EN), Language.parse(english), english);
        }
        for (String chinese : new String[] {"zh", "zh-Hant", "zh-TW", "ZH-hk"}) {
            assertEquals(Optional.of(Language.ZH), Language.parse(chinese), chinese);
        }
    }

    @Test
    void parseIgnoresOtherLanguagesAndNothing() {
        for (String other : new String[] {"fr", "eng", "zhx", "", "   ", "*"}) {
            assertEquals(Optional.empty(), Language.parse(other), other);
        }
        assertEquals(Optional.empty(), Language.parse(null));
    }

    @Test
    void acceptLanguageTakesTheFirstRangeWeHave() {
        assertEquals(Optional.of(Language.ZH), Language.fromAcceptLanguage("fr, zh-TW;q=0.8, en;q=0.5"));
        assertEquals(Optional.of(Language.EN), Language.fromAcceptLanguage("en-GB,en;q=0.9,zh;q=0.8"));
        assertEquals(Optional.empty(), Language.fromAcceptLanguage("fr-FR, de;q=0.5, *;q=0.1"));
        assertEquals(Optional.empty(), Language.fromAcceptLanguage(""));
        assertEquals(Optional.empty(), Language.fromAcceptLanguage(null));
    }

    @Test
    void otherIsTheOtherLanguage() {
        assertEquals(Language.ZH, Language.EN.other());
        assertEquals(Language.EN, Language.ZH.other());
    }

    @Test
    void codesAndHtmlLang() {
        assertEquals("en", Language.EN.code());
        assertEquals("zh", Language.ZH.code());
        assertEquals("en", Language.EN.htmlLang());
        assertEquals("zh-Hant", Language.ZH.htmlLang());
    }
}
