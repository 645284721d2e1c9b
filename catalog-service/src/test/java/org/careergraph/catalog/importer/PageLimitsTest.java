package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.junit.jupiter.api.Test;

/** Hostile or broken page text is refused or read safely, never a crash or minutes of parsing. */
class PageLimitsTest {

    private static final String HEAD = "護士 Nurse\n職業代碼: 254499(ANZSCO)\n";

    @Test
    void anOversizedLineIsRefused() {
        // An oversized page is refused before it is read (413; PageImportIT).
        PageFormatException line = assertThrows(PageFormatException.class,
                () -> PageImporter.read(HEAD + "教育路徑\n" + "9".repeat(PageImporter.MAX_LINE_CHARS + 1) + "\n"));
        assertTrue(line.getMessage().startsWith("line 4"));
    }

    @Test
    void aYearNumberTooLongToBeYearsIsNotReadAsYears() {
        ImportResult result = PageImporter.read(HEAD + "薪資\n經驗年薪 (NZD)\n初級(99999999999-3年)$70,000 ~ $80,000\n");
        PageSalaryBand band = result.page().salaryBands().get(0);
        assertNull(band.yearsFrom());
        assertEquals(0, band.min().compareTo(new java.math.BigDecimal("70000")));
    }
}
