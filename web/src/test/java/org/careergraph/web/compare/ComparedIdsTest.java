package org.careergraph.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparedIdsTest {

    @Test
    void idsComeFromRepeatedParametersOrCommasInOrderEachOnce() {
        assertEquals(Optional.of(List.of("soc-29-1141", "anzsco-411215", "soc-15-2051.01")),
                ComparedIds.parse(List.of("soc-29-1141, ANZSCO-411215", "soc-15-2051.01", "soc-29-1141", "")));
        assertEquals(Optional.of(List.of("nol-123456", "osca-261111", "isco-2221")),
                ComparedIds.parse(List.of("nol-123456,osca-261111,,isco-2221")));
        assertEquals(Optional.of(List.of()), ComparedIds.parse(List.of()));
    }

    @Test
    void anythingButAnOccupationIdSpoilsTheWholeList() {
        for (String bad : List.of("nurse", "soc-29", "soc-29-1141.1", "anzsco-41121", "soc-29-1141/../x",
                "../api", "anzsco-411215 soc-29-1141", "<script>")) {
            assertEquals(Optional.empty(), ComparedIds.parse(List.of("soc-29-1141", bad)), bad);
        }
    }

    @Test
    void linksWriteThemWithCommas() {
        assertEquals("soc-29-1141,anzsco-411215", ComparedIds.join(List.of("soc-29-1141", "anzsco-411215")));
        assertEquals("/compare?ids=soc-29-1141%2Cisco-2221",
                CompareController.removeUrl(List.of("soc-29-1141", "anzsco-411215", "isco-2221"), "anzsco-411215"));
        assertEquals("/?compare=isco-2221", CompareController.removeUrl(List.of("soc-29-1141", "isco-2221"),
                "soc-29-1141"), "one left: back to the catalog to pick another");
    }
}
