package org.careergraph.catalog.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseRecords.NemCode;
import org.careergraph.catalog.release.ReleaseRecords.OnetOccupation;
import org.careergraph.catalog.release.ReleaseRecords.ProjectedOccupation;
import org.careergraph.catalog.release.ReleaseRecords.Translation;
import org.careergraph.catalog.release.ReleaseRecords.WageRow;
import org.careergraph.platform.web.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** Each series read from the publishers' real files: counts, joins, markers, and refused files. */
class ReleaseReadersTest {

    @Test
    void onetHoldsEveryOccupationWithItsTasksJobZoneAndAlternateTitles() {
        ParsedRelease onet = ReleaseFiles.read(Series.ONET);
        assertEquals(1016, onet.records().size());
        assertEquals("30.1", onet.label());
        int tasks = 0;
        int zones = 0;
        int withTasks = 0;
        for (Object record : onet.records().values()) {
            OnetOccupation occupation = (OnetOccupation) record;
            tasks += occupation.tasks().size();
            zones += occupation.jobZone() == null ? 0 : 1;
            withTasks += occupation.tasks().isEmpty() ? 0 : 1;
        }
        assertEquals(18_796, tasks);
        assertEquals(923, withTasks);
        assertEquals(923, zones);
        OnetOccupation scientists = (OnetOccupation) onet.records().get("15-2051.00");
        assertEquals("Data Scientists", scientists.title());
        assertEquals(4, scientists.jobZone().zone());
        assertTrue(scientists.jobZone().name().startsWith("Job Zone Four"));
        assertTrue(scientists.alternateTitles().contains("Data Scientist"));
        assertTrue(onet.records().containsKey("15-2051.01"));
        assertEquals(6, onet.files().size(), "the five tables and the Read Me");
    }

    @Test
    void onetNamesItsReleaseInItsReadMe() {
        ParsedRelease onet = ReleaseReaders.read(Series.ONET, ReleaseFiles.bundled(Series.ONET), null, null);
        assertEquals("30.1", onet.label());
        assertEquals(LocalDate.of(2025, 12, 1), onet.releasedOn());
    }

    @Test
    void oewsKeepsEveryRowWithItsMarkers() {
        ParsedRelease may2024 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2024_dl.csv",
                ReleaseFiles.oews2024()), null, null);
        assertEquals("May 2024", may2024.label());
        assertEquals(LocalDate.of(2024, 5, 1), may2024.releasedOn());
        assertEquals(1403, may2024.records().size());
        assertEquals(831, may2024.records().values().stream()
                .filter(r -> ((WageRow) r).group().equals("detailed")).count());
        OfficialRecord.Wages all = ((WageRow) may2024.records().get("00-0000")).wages();
        assertEquals(new BigDecimal("49500"), median(all).annual().amount());
        // "#": at least the top-coded amount, not a number BLS gives.
        OfficialRecord.Wages management = ((WageRow) may2024.records().get("11-0000 major")).wages();
        OfficialRecord.Percentile p90 = management.percentiles().get(4);
        assertEquals(90, p90.percentile());
        assertTrue(p90.annual().atLeast());
        assertEquals(ReleaseReaders.TOP_CODED_ANNUAL, p90.annual().amount());

        ParsedRelease may2023 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2023_dl.csv",
                ReleaseFiles.oews2023()), null, null);
        assertEquals("May 2023", may2023.label());
        assertEquals(1403, may2023.records().size());
    }

    @Test
    void projectionsCrosswalkAnzscoAndResearchFiles() {
        ParsedRelease projections = ReleaseReaders.read(Series.PROJECTIONS, ReleaseFiles.bundled(Series.PROJECTIONS),
                null, null);
        assertEquals("2022-32", projections.label());
        assertEquals(832, projections.records().values().stream()
                .filter(r -> ((ProjectedOccupation) r).type().equals("Line item")).count());
        OfficialRecord.Projections scientists = ((ProjectedOccupation) projections.records().get("15-2051"))
                .projections();
        assertEquals(2022, scientists.baseYear());
        assertEquals(2032, scientists.targetYear());
        assertEquals("Bachelor's degree", scientists.entryEducation());

        ParsedRelease crosswalk = ReleaseFiles.read(Series.CROSSWALK);
        assertEquals(997, crosswalk.records().size());
        assertEquals("13-1020", ((NemCode) crosswalk.records().get("13-1021.00")).nemCode());

        ParsedRelease anzsco = ReleaseFiles.read(Series.ANZSCO);
        assertEquals(1032, anzsco.records().size());
        assertEquals(9, anzsco.records().values().stream().filter(r -> ((AnzscoOccupation) r).retired()).count());
        AnzscoOccupation archivist = (AnzscoOccupation) anzsco.records().get("224211");
        assertEquals("Archivist", archivist.title());
        assertEquals(1, archivist.skillLevel());
        assertEquals(List.of("major", "sub-major", "minor", "unit"),
                archivist.groups().stream().map(OfficialRecord.Group::level).toList());
        assertFalse(anzsco.records().containsKey("411215"));

        assertEquals(923, ReleaseFiles.read(Series.LLM_EXPOSURE).records().size());
        assertEquals(785, ReleaseFiles.read(Series.AI_APPLICABILITY).records().size());
        ParsedRelease titles = ReleaseFiles.read(Series.ZH_TITLES);
        assertEquals(1016 + 1023 + 22 + 8 + 43, titles.records().size());
        assertTrue(((Translation) titles.records().get("ANZSCO:224211")).titleZh().contains("檔案"));
    }

    @Test
    void everyOccupationHasATraditionalChineseTitle() {
        Map<String, Object> titles = ReleaseFiles.read(Series.ZH_TITLES).records();
        ReleaseFiles.read(Series.ONET).records().keySet()
                .forEach(code -> assertTrue(titles.containsKey("ONET:" + code), code));
        ReleaseFiles.read(Series.ANZSCO).records().values().stream().map(r -> (AnzscoOccupation) r)
                .filter(r -> !r.retired())
                .forEach(r -> assertTrue(titles.containsKey("ANZSCO:" + r.code()), r.code()));
    }

    @Test
    void wrongColumnsAreRefusedNamingTheFile() {
        byte[] csv = "OCC_CODE,OCC_TITLE\n15-2051,Data Scientists\n".getBytes(StandardCharsets.UTF_8);
        ReleaseFileException e = assertThrows(ReleaseFileException.class,
                () -> ReleaseReaders.read(Series.OEWS, Map.of("national_M2025_dl.csv", csv), null, null));
        assertTrue(e.errors().get(0).field().equals("national_M2025_dl.csv, row 1"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("A_MEDIAN"), e.errors().toString());
    }

    @Test
    void aWageThatIsNeitherANumberNorAMarkerIsRefusedNamingRowAndColumn() {
        String text = new String(ReleaseFiles.oews2024(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int row = 20;
        while (lines[row - 1].contains("\"")) {
            row++;
        }
        String[] cells = lines[row - 1].split(",", -1);
        cells[25] = "abc"; // A_PCT10
        lines[row - 1] = String.join(",", cells);
        byte[] broken = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        ReleaseFileException e = assertThrows(ReleaseFileException.class,
                () -> ReleaseReaders.read(Series.OEWS, Map.of("national_M2025_dl.csv", broken), null, null));
        FieldError error = e.errors().get(0);
        assertEquals("national_M2025_dl.csv, row " + row + ", column A_PCT10", error.field());
        assertTrue(error.message().contains("'abc'"), error.message());
    }

    @Test
    void aFileCutShortIsRefusedNamingItsLastRow() {
        byte[] cut = java.util.Arrays.copyOf(ReleaseFiles.oews2024(), 3000);
        ReleaseFileException e = assertThrows(ReleaseFileException.class,
                () -> ReleaseReaders.read(Series.OEWS, Map.of("national_M2025_dl.csv", cut), null, null));
        assertTrue(e.errors().get(0).field().matches("national_M2025_dl\\.csv, row \\d+"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("cut short"), e.errors().toString());
    }

    @Test
    void aCodeTwiceIsRefusedNamingBothRows() {
        String text = new String(ReleaseFiles.bundled(Series.ANZSCO).values().iterator().next(),
                StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String doubled = text + lines[1] + "\n";
        ReleaseFileException e = assertThrows(ReleaseFileException.class, () -> ReleaseReaders.read(Series.ANZSCO,
                Map.of("anzsco.csv", doubled.getBytes(StandardCharsets.UTF_8)), "1.3", "2026-01-01"));
        assertEquals("anzsco.csv, row " + (lines.length + 1) + ", column anzsco_code", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("first in row 2"), e.errors().get(0).message());
    }

    @Test
    void aFileInAnotherEncodingIsRefusedNamingTheRow() {
        byte[] latin1 = "anzsco_code,occupation_title\n111111,Caf\u00e9 Manager\n".getBytes(StandardCharsets.ISO_8859_1);
        ReleaseFileException e = assertThrows(ReleaseFileException.class, () -> ReleaseReaders.read(Series.ANZSCO,
                Map.of("anzsco.csv", latin1), "1.3", "2026-01-01"));
        assertEquals("anzsco.csv, row 2", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("not UTF-8"), e.errors().get(0).message());
    }

    @Test
    void aReleaseWhoseNameTheFilesDoNotGiveMustBeNamed() {
        ReleaseFileException e = assertThrows(ReleaseFileException.class, () -> ReleaseReaders.read(Series.ANZSCO,
                ReleaseFiles.bundled(Series.ANZSCO), null, null));
        assertEquals("release", e.errors().get(0).field());
    }

    @Test
    void oNetNeedsEachOfItsTables() {
        Map<String, byte[]> files = new LinkedHashMap<>(ReleaseFiles.bundled(Series.ONET));
        files.remove("Job Zones.tsv");
        ReleaseFileException e = assertThrows(ReleaseFileException.class,
                () -> ReleaseReaders.read(Series.ONET, files, null, null));
        assertTrue(e.errors().get(0).message().contains("Job Zones"), e.errors().toString());
    }

    private static OfficialRecord.Percentile median(OfficialRecord.Wages wages) {
        return wages.percentiles().stream().filter(p -> p.percentile() == 50).findFirst().orElseThrow();
    }

    @Test
    void noPercentilesWithoutFigures() {
        assertNull(OfficialSources.bands(new OfficialRecord.Wages("27-2011", "Actors", 1L, null, null, List.of())));
    }
}
