package org.careergraph.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.junit.jupiter.api.Test;

class SeedPageTest {

    @Test
    void readsThePlainRowLayout() throws IOException {
        CareerPage page = SeedPage.parse(seed("000_9d7066477939e445.txt"));
        assertEquals("社區服務工作者", page.title().zh());
        assertEquals("Community Services Worker", page.title().en());
        assertEquals("ANZSCO", page.codeSystem());
        assertEquals("411215", page.code());
        assertEquals(3, page.salaryBands().size());
        PageSalaryBand junior = page.salaryBands().get(0);
        assertEquals("初級(0-3年)", junior.level());
        assertEquals(new BigDecimal("48000"), junior.min());
        assertEquals(new BigDecimal("58000"), junior.max());
        assertEquals("NZD", junior.currency());
        assertEquals("Usually requires completion of a relevant certificate or diploma", junior.note());
        assertEquals("Senior (6+ years)", page.salaryBands().get(2).level());
    }

    @Test
    void readsTheCompactMarkdownLayout() throws IOException {
        CareerPage page = SeedPage.parse(seed("002_377fb8c0790bdfb2.txt"));
        assertEquals("住房官員", page.title().zh());
        assertEquals("Housing Officer", page.title().en());
        assertEquals("599614", page.code());
        assertEquals(3, page.salaryBands().size());
        assertEquals(new BigDecimal("100000"), page.salaryBands().get(2).max());
        assertEquals("Annual salary range", page.salaryBands().get(1).note());
    }

    @Test
    void readsUsPagesInDollars() throws IOException {
        CareerPage page = SeedPage.parse(seed("003_b5e725612a6ba011.txt"));
        assertEquals("SOC", page.codeSystem());
        assertEquals("21-1022", page.code());
        assertEquals("USD", page.salaryBands().get(0).currency());
        assertEquals("Mid-level (4-7 years)", page.salaryBands().get(1).level());
    }

    @Test
    void splitsTitlesAfterTheLastChineseCharacter() {
        assertArrayEquals(new String[] {"IT項目協調員", "IT Project Coordinator"},
                SeedPage.splitTitle("IT項目協調員 IT Project Coordinator"));
        assertArrayEquals(new String[] {"Housing Officer", "Housing Officer"}, SeedPage.splitTitle("Housing Officer"));
    }

    @Test
    void aPageWithoutACodeLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SeedPage.parse("Some Title\nno code here"));
    }

    @Test
    void aPageWithoutSalariesHasNoBands() {
        CareerPage page = SeedPage.parse("住房官員 Housing Officer\n職業代碼: 599614(ANZSCO)\n");
        assertEquals(0, page.salaryBands().size());
        assertNull(page.summary());
    }

    private static String seed(String file) throws IOException {
        try (InputStream in = SeedPageTest.class.getClassLoader().getResourceAsStream("seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
