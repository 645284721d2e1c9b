package org.careergraph.web.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.PageContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartsTest {

    private static final PageContext EN = new PageContext(Language.EN, Map.of(), null, null);

    @Test
    void oneBarPerRatedDimension() throws Exception {
        Map<String, Object> values = new HashMap<>();
        PageContext.DIMENSIONS.forEach(d -> values.put(d, 5));
        values.put("income", 10);
        values.put("aiRisk", "7.5");
        values.put("competition", 12);
        values.remove("certification");

        Element svg = parse(Charts.dimensions(values, EN));

        assertEquals("img", svg.getAttribute("role"));
        assertEquals("dimensions-title", svg.getAttribute("aria-labelledby"));
        assertEquals("dimensions-desc", svg.getAttribute("aria-describedby"));
        assertEquals("The eight dimensions, each 0 to 10", text(svg, "title").getFirst());
        String desc = text(svg, "desc").getFirst();
        assertTrue(desc.startsWith("Income: 10.0. Demand outlook: 5.0. "), desc);
        assertTrue(desc.contains("Certification (higher is lighter): not rated. "), desc);
        List<String> widths = attributes(svg, "rect", "width");
        assertEquals(7, widths.size(), "bars");
        assertEquals(List.of("360", "180", "180", "270", "360", "180", "180"), widths, "0-10 on 360, clamped");
        assertEquals(1, text(svg, "text").stream().filter("not rated"::equals).count());
    }

    @Test
    void aChartWithoutValuesSaysSoForEachDimension() throws Exception {
        Element svg = parse(Charts.dimensions(Map.of(), new PageContext(Language.ZH, Map.of(), null, null)));

        assertEquals(0, svg.getElementsByTagName("rect").getLength());
        assertEquals(8, text(svg, "text").stream().filter("未評分"::equals).count());
    }

    @Test
    void escapeMakesTextSafeInElementsAndAttributes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Charts.escape("a <b> & \"c\""));
    }

    @Test
    void historyDrawsTheOldestFirst() throws Exception {
        List<Object> newestFirst = List.of(point("2026-03-01T00:00:00Z", 8), point("2026-02-01T00:00:00Z", 7),
                Map.of("changedAt", "2026-01-15T00:00:00Z"), "not a point", point("2026-01-01T00:00:00Z", 6));

        Element svg = parse(Charts.history(newestFirst, EN));

        assertEquals("img", svg.getAttribute("role"));
        assertEquals("The overall score over time", text(svg, "title").getFirst());
        assertEquals("2026-01-01 00:00 UTC: 6.0. 2026-02-01 00:00 UTC: 7.0. 2026-03-01 00:00 UTC: 8.0. ",
                text(svg, "desc").getFirst());
        assertEquals(List.of("40.0,82.0 330.0,64.0 620.0,46.0"), attributes(svg, "polyline", "points"));
        assertEquals(List.of("40.0", "330.0", "620.0"), attributes(svg, "circle", "cx"));
        List<String> labels = text(svg, "text");
        assertEquals(List.of("2026-01-01 00:00 UTC", "2026-03-01 00:00 UTC"), labels.subList(labels.size() - 2,
                labels.size()), "first and last date under the axis");
    }

    @Test
    void aSinglePointHasNoLine() throws Exception {
        Element svg = parse(Charts.history(List.of(point("2026-03-01T00:00:00Z", 5)), EN));

        assertEquals(0, svg.getElementsByTagName("polyline").getLength());
        assertEquals(List.of("330.0"), attributes(svg, "circle", "cx"));
        assertEquals(List.of("100.0"), attributes(svg, "circle", "cy"));
    }

    @Test
    void historyEscapesItsText() throws Exception {
        String odd = "Q1 <draft> & \"soon\"";

        Element svg = parse(Charts.history(List.of(point(odd, 5), point("2026-01-01", 4)), EN));

        assertEquals("2026-01-01: 4.0. " + odd + ": 5.0. ", text(svg, "desc").getFirst());
        assertTrue(text(svg, "text").contains(odd));
    }

    @Test
    void wagesDrawEachPercentileOnOneScale() throws Exception {
        List<Object> percentiles = List.of(percentile(50, 93600, false), percentile(10, 46800, false),
                percentile(90, 187200, false), Map.of("percentile", 25, "hourly", Map.of("amount", 30)));

        Element svg = parse(Charts.wages(percentiles, EN));

        assertEquals("img", svg.getAttribute("role"));
        assertEquals("wages-title", svg.getAttribute("aria-labelledby"));
        assertEquals("Yearly wage by percentile, in US dollars", text(svg, "title").getFirst());
        assertEquals("10th percentile: 46,800 USD. 25th percentile: not published. Median: 93,600 USD. "
                + "90th percentile: 187,200 USD. ", text(svg, "desc").getFirst(), "lowest first");
        assertEquals(List.of("90", "180", "360"), attributes(svg, "rect", "width"), "the highest fills the bar");
        assertEquals(List.of("bar", "bar", "bar"), attributes(svg, "rect", "class"));
        assertTrue(text(svg, "text").containsAll(List.of("46,800", "not published", "Median")));
    }

    @Test
    void aTopCodedWageIsDrawnOpenEndedAndWrittenAtLeast() throws Exception {
        Element svg = parse(Charts.wages(List.of(percentile(75, 200000, false), percentile(90, 239200, true)), EN));

        assertEquals(List.of("bar", "bar floor"), attributes(svg, "rect", "class"));
        assertEquals(1, svg.getElementsByTagName("path").getLength(), "an arrow past the floor");
        assertTrue(text(svg, "text").contains("≥ 239,200"));
        assertTrue(text(svg, "desc").getFirst().endsWith("90th percentile: at least 239,200 USD. "));
        Element zh = parse(Charts.wages(List.of(percentile(90, 239200, true)), new PageContext(Language.ZH, Map.of(),
                null, null)));
        assertEquals("第 90 百分位: 至少 239,200 USD. ", text(zh, "desc").getFirst());
    }

    @Test
    void noYearlyFigureNoChart() {
        assertEquals(null, Charts.wages(List.of(), EN));
        assertEquals(null, Charts.wages(List.of(Map.of("percentile", 50, "hourly", Map.of("amount", 20)),
                "not a percentile"), EN));
        assertEquals(null, Charts.wages(List.of(percentile(50, 0, false)), EN));
    }

    @Test
    void wagesEscapeTheirText() throws Exception {
        Map<String, Object> odd = Map.of("percentile", 50, "annual", Map.of("amount", "<b>1</b>", "atLeast", false));

        assertEquals(null, Charts.wages(List.of(odd), EN), "an amount that is no number is not drawn");
        Element svg = parse(Charts.wages(List.of(odd, percentile(90, 1000, false)), EN));
        assertTrue(text(svg, "desc").getFirst().startsWith("Median: not published. "));
    }

    private static Map<String, Object> percentile(int percentile, long annual, boolean atLeast) {
        return Map.of("percentile", percentile, "annual", Map.of("amount", annual, "atLeast", atLeast),
                "hourly", Map.of("amount", annual / 2080.0, "atLeast", atLeast));
    }

    private static Map<String, Object> point(String changedAt, Object overall) {
        return Map.of("changedAt", changedAt, "overall", overall);
    }

    /** The chart as XML: parsing it proves it is well-formed. */
    private static Element parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg))).getDocumentElement();
    }

    private static List<String> text(Element svg, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> attributes(Element svg, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    @Test
    void aValueThatIsNoNumberIsNotRatedRatherThanAFailure() throws Exception {
        Element svg = parse(Charts.dimensions(Map.of("income", "<b>high</b>", "aiRisk", 12), EN));

        assertEquals(1, svg.getElementsByTagName("rect").getLength(), "only aiRisk is drawn, clamped to 10");
        assertTrue(text(svg, "desc").getFirst().contains("Income: not rated"));
        assertTrue(text(svg, "desc").getFirst().contains("10.0"));
    }
}
