package org.careergraph.web.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.PageContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartsTest {

    private static final PageContext EN = new PageContext(Language.EN, Map.of(), null, null);
    private static final PageContext ZH = new PageContext(Language.ZH, Map.of(), null, null);

    /** A label under the time axis: where it is centred, and what it says. */
    private record Tick(double x, String label) {
    }

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
    void dimensionLabelsStartAtTheEdgeAndEndBeforeTheBarsInBothLanguages() throws Exception {
        Map<String, Object> values = new HashMap<>();
        PageContext.DIMENSIONS.forEach(d -> values.put(d, 10));
        for (PageContext page : List.of(EN, ZH)) {
            Element svg = parse(Charts.dimensions(values, page));

            List<Element> labels = elements(svg, "text", "label");
            List<Element> bars = elements(svg, "rect", "bar");
            assertEquals(8, labels.size());
            double barsStart = number(bars.getFirst(), "x");
            double widest = 0;
            for (Element label : labels) {
                assertEquals(0.0, number(label, "x"), "starts at the left edge, so none is cut off there");
                assertEquals("", label.getAttribute("text-anchor"));
                widest = Math.max(widest, TextWidth.chart(label.getTextContent()));
            }
            assertTrue(widest + 8 <= barsStart, "the longest label (" + widest + " px) ends before the bars at "
                    + barsStart);
            assertTrue(barsStart < widest + 30, "and the bars follow it closely: " + barsStart);
            double width = Double.parseDouble(svg.getAttribute("viewBox").split(" ")[2]);
            assertEquals(barsStart + 360 + 50, width, "room for the full bar and its value");
        }
        // "Learning duration (higher is shorter)" is longer than "學習時長（越高越短）"
        assertTrue(number(elements(parse(Charts.dimensions(values, EN)), "rect", "bar").getFirst(), "x")
                > number(elements(parse(Charts.dimensions(values, ZH)), "rect", "bar").getFirst(), "x"));
    }

    @Test
    void textWidthsAreReckonedWideEnough() {
        assertEquals(13.0, TextWidth.chart("學"), 0.001, "a Han character is one em");
        assertEquals(13.0, TextWidth.chart("（"), 0.001, "and so is full-width punctuation");
        // as Chromium measures them in DejaVu Sans and Noto Sans CJK TC at 13 px (SVGTextElement.getBBox())
        assertTrue(TextWidth.chart("Learning duration (higher is shorter)") >= 236.6);
        assertTrue(TextWidth.chart("Experienced: 75th to 90th percentile") >= 239.5);
        assertTrue(TextWidth.chart("2026-12-28") >= 75.6);
        assertTrue(TextWidth.chart("NZ$100,000") >= 80.7);
        assertTrue(TextWidth.chart("AI 風險（越高越安全）") >= 133.9);
        assertTrue(TextWidth.chart("WWW") > TextWidth.chart("iii"));
    }

    @Test
    void salaryBandsAreRangesOnOneScaleInTheCurrencysFormat() throws Exception {
        List<Object> bands = List.of(band("初級(0-3年)", 48000, 58000, "NZD"), band("中級(3-6年)", 58000, 72000, "NZD"),
                band("Senior (6+ years)", 72000, 90000, "NZD"));

        List<String> charts = Charts.salary(bands, null, EN);

        assertEquals(1, charts.size());
        Element svg = parse(charts.getFirst());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("salary-nzd-title", svg.getAttribute("aria-labelledby"));
        assertEquals("salary-nzd-desc", svg.getAttribute("aria-describedby"));
        assertEquals("Yearly pay by experience level, NZD", text(svg, "title").getFirst());
        assertEquals("初級(0-3年): NZ$48,000 – NZ$58,000. 中級(3-6年): NZ$58,000 – NZ$72,000. "
                + "Senior (6+ years): NZ$72,000 – NZ$90,000. ", text(svg, "desc").getFirst());
        List<Element> bars = elements(svg, "rect", "range");
        assertEquals(3, bars.size(), "one bar per band");
        // one linear scale: each end where its amount is
        double perDollar = number(bars.get(0), "width") / 10000;
        assertEquals(14000 * perDollar, number(bars.get(1), "width"), 0.1);
        assertEquals(18000 * perDollar, number(bars.get(2), "width"), 0.1);
        assertEquals(number(bars.get(0), "x") + number(bars.get(0), "width"), number(bars.get(1), "x"), 0.1);
        assertEquals(number(bars.get(1), "x") + number(bars.get(1), "width"), number(bars.get(2), "x"), 0.1);
        List<String> ticks = classed(svg, "text", "tick");
        assertTrue(ticks.size() >= 3 && ticks.stream().allMatch(t -> t.matches("NZ\\$\\d{2,3},000")), ticks.toString());
        assertTrue(text(svg, "text").contains("NZ$48,000 – NZ$58,000"), "each band's amounts under its bar");
        List<Element> labels = elements(svg, "text", "label");
        assertEquals(List.of("zh-Hant", "zh-Hant", ""), labels.stream().map(l -> l.getAttribute("lang")).toList());
        double widest = labels.stream().mapToDouble(l -> TextWidth.chart(l.getTextContent())).max().orElseThrow();
        assertTrue(bars.stream().allMatch(bar -> number(bar, "x") >= widest), "no bar under a label");
        assertEquals(0, svg.getElementsByTagName("path").getLength());
        assertEquals(0, elements(svg, "line", "median").size(), "no median without the official wages");
    }

    @Test
    void aUsPageMarksTheMedianAndATopCodedTopAcrossItsBands() throws Exception {
        Map<String, Object> wages = Map.of("percentiles", List.of(percentile(10, 150000, false),
                percentile(25, 190000, false), percentile(50, 230000, false), percentile(75, 239200, true),
                percentile(90, 239200, true)));
        List<Object> bands = List.of(band("Entry: 10th to 25th percentile", 150000, 190000, "USD"),
                band("Middle: 25th to 75th percentile", 190000, 239200, "USD"));

        Element svg = parse(Charts.salary(bands, wages, EN).getFirst());

        assertEquals(List.of("US median $230,000 (BLS OEWS)"), classed(svg, "text", "median-label"));
        Element median = elements(svg, "line", "median").getFirst();
        List<Element> bars = elements(svg, "rect", "range");
        double perDollar = number(bars.getFirst(), "width") / 40000;
        assertEquals(number(bars.getFirst(), "x") + 80000 * perDollar, number(median, "x1"), 0.1);
        assertEquals(List.of("range", "range floor"), bars.stream().map(b -> b.getAttribute("class")).toList());
        assertEquals(1, svg.getElementsByTagName("path").getLength(), "the top-coded end drawn open");
        assertTrue(text(svg, "desc").getFirst().endsWith("Middle: 25th to 75th percentile: $190,000 – ≥ $239,200. "
                + "US median $230,000 (BLS OEWS)."), text(svg, "desc").getFirst());

        Element zh = parse(Charts.salary(bands, wages, ZH).getFirst());
        assertEquals(List.of("美國中位數 US$230,000（BLS OEWS）"), classed(zh, "text", "median-label"));
        assertEquals("各經驗級別年薪（USD）", text(zh, "title").getFirst());
    }

    @Test
    void bandsInTwoCurrenciesGetAChartEachAndBandsWithoutAmountsNone() throws Exception {
        List<Object> bands = List.of(band("Junior", 50000, 60000, "NZD"), band("Junior", 40000, 52000, "AUD"),
                Map.of("level", "Senior", "min", 80000, "currency", "NZD"), "not a band",
                band("Senior", 70000, 95000, "NZD"));

        List<String> charts = Charts.salary(bands, null, EN);

        assertEquals(2, charts.size());
        assertEquals(2, elements(parse(charts.get(0)), "rect", "range").size());
        assertEquals("Yearly pay by experience level, AUD", text(parse(charts.get(1)), "title").getFirst());
        assertEquals(List.of(), Charts.salary(List.of(Map.of("level", "Junior", "currency", "NZD")), null, EN));
        assertEquals(List.of(), Charts.salary(List.of(), null, EN));
    }

    @Test
    void aBandOfOneAmountIsAMarkAndItsTextIsEscaped() throws Exception {
        Element svg = parse(Charts.salary(List.of(band("<b>All</b> & \"more\"", 60000, 60000, "XTS")), null, EN)
                .getFirst());

        Element bar = elements(svg, "rect", "range").getFirst();
        assertTrue(number(bar, "width") >= 2, "still to be seen");
        assertEquals("<b>All</b> & \"more\"", classed(svg, "text", "label").getFirst());
        assertTrue(text(svg, "desc").getFirst().startsWith("<b>All</b> & \"more\": "), text(svg, "desc").getFirst());
        List<String> ticks = classed(svg, "text", "tick");
        assertTrue(ticks.size() >= 2, ticks.toString());
    }

    @Test
    void moneyScalesTickAtRoundAmountsThatLeaveRoomForTheirLabels() {
        for (double[] range : new double[][] {{48000, 90000}, {0, 1}, {5, 5}, {123, 987654321}, {99990, 100010}}) {
            MoneyScale scale = MoneyScale.of(range[0], range[1], 420, amount -> "NZ$" + (long) amount);
            List<MoneyScale.Tick> ticks = scale.ticks();

            assertTrue(scale.low() <= range[0] && scale.high() >= range[1], java.util.Arrays.toString(range));
            assertTrue(ticks.size() >= 2, ticks.toString());
            assertEquals(0.0, scale.x(scale.low()), 1e-9);
            assertEquals(420.0, scale.x(scale.high()), 1e-9);
            for (int i = 1; i < ticks.size(); i++) {
                double room = ticks.get(i).x() - ticks.get(i - 1).x();
                assertTrue(room >= (TextWidth.chart(ticks.get(i).label()) + TextWidth.chart(ticks.get(i - 1).label()))
                        / 2 + 8, ticks.toString());
            }
        }
    }

    @Test
    void escapeMakesTextSafeInElementsAndAttributes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Charts.escape("a <b> & \"c\""));
    }

    @Test
    void historyDrawsTheOldestFirstSpacedByTime() throws Exception {
        List<Object> newestFirst = List.of(point("2026-03-01T00:00:00Z", 8), point("2026-02-01T00:00:00Z", 7),
                Map.of("changedAt", "2026-01-15T00:00:00Z"), "not a point", point("2026-01-01T00:00:00Z", 6));

        Element svg = parse(Charts.history(newestFirst, EN));

        assertEquals("img", svg.getAttribute("role"));
        assertEquals("The overall score over time", text(svg, "title").getFirst());
        assertEquals("2026-01-01 00:00 UTC: 6.0. 2026-02-01 00:00 UTC: 7.0. 2026-03-01 00:00 UTC: 8.0. ",
                text(svg, "desc").getFirst());
        // 31 days, then 28: the plot runs from 48 to 592
        assertEquals(List.of("48.0,82.0 333.8,64.0 592.0,46.0"), attributes(svg, "polyline", "points"));
        assertEquals(List.of("48.0", "333.8", "592.0"), attributes(svg, "circle", "cx"));
        List<Tick> ticks = ticks(svg);
        assertTrue(ticks.size() >= 3, ticks.toString());
        assertTrue(ticks.stream().allMatch(t -> t.label().matches("2026-0[1-3]-\\d\\d|2026-0[1-3]")), ticks.toString());
        assertLabelsFit(svg, ticks);
        assertEquals(0, classed(svg, "text", "context").size(), "dates need no date line");
    }

    @Test
    void pointsLieInProportionToTheTimeBetweenThem() throws Exception {
        // a day, then ten days, then two days
        List<Object> newestFirst = List.of(point("2026-05-14T00:00:00Z", 7), point("2026-05-12T00:00:00Z", 6),
                point("2026-05-02T00:00:00Z", 5), point("2026-05-01T00:00:00Z", 4));

        List<Double> xs = attributes(parse(Charts.history(newestFirst, EN)), "circle", "cx").stream()
                .map(Double::valueOf).toList();

        assertEquals(48.0, xs.getFirst());
        assertEquals(592.0, xs.getLast());
        double perDay = (xs.getLast() - xs.getFirst()) / 13;
        assertEquals(1 * perDay, xs.get(1) - xs.get(0), 0.1);
        assertEquals(10 * perDay, xs.get(2) - xs.get(1), 0.1);
        assertEquals(2 * perDay, xs.get(3) - xs.get(2), 0.1);
    }

    @Test
    void movesWithinOneDayAreLabelledWithTheirTimesAndTheDateOnce() throws Exception {
        List<Object> newestFirst = List.of(point("2026-03-01T14:00:00Z", 6), point("2026-03-01T09:30:00Z", 5),
                point("2026-03-01T09:00:00Z", 4));

        Element svg = parse(Charts.history(newestFirst, EN));

        List<Double> xs = attributes(svg, "circle", "cx").stream().map(Double::valueOf).toList();
        assertEquals(544.0 * 30 / 300, xs.get(1) - xs.get(0), 0.1, "half an hour of five hours");
        List<Tick> ticks = ticks(svg);
        assertTrue(ticks.size() >= 3 && ticks.stream().allMatch(t -> t.label().matches("\\d\\d:\\d\\d")),
                ticks.toString());
        assertLabelsFit(svg, ticks);
        assertEquals(List.of("2026-03-01 (UTC)"), classed(svg, "text", "context"));
    }

    @Test
    void movesSecondsApartAreLabelledToTheSecond() throws Exception {
        List<Object> newestFirst = List.of(point("2026-03-01T23:59:59.900Z", 6),
                point("2026-03-01T23:59:52.250Z", 5), point("2026-03-01T23:59:50.100Z", 4),
                point("2026-03-01T23:59:49.900Z", 7));

        Element svg = parse(Charts.history(newestFirst, EN));

        List<Double> xs = attributes(svg, "circle", "cx").stream().map(Double::valueOf).toList();
        assertEquals(48.0, xs.getFirst());
        assertEquals(48 + 544 * 0.2 / 10, xs.get(1), 0.1);
        assertEquals(48 + 544 * 2.35 / 10, xs.get(2), 0.1);
        List<Tick> ticks = ticks(svg);
        assertTrue(ticks.size() >= 2 && ticks.stream().allMatch(t -> t.label().matches("23:59:\\d\\d")),
                ticks.toString());
        assertLabelsFit(svg, ticks);
        assertEquals(List.of("2026-03-01 (UTC)"), classed(svg, "text", "context"));
    }

    @Test
    void movesOverYearsAreLabelledByYearAndThoseAcrossMidnightNameBothDays() throws Exception {
        Element years = parse(Charts.history(List.of(point("2031-06-01T00:00:00Z", 6),
                point("2019-02-01T00:00:00Z", 5)), EN));
        List<Tick> ticks = ticks(years);
        assertTrue(ticks.stream().allMatch(t -> t.label().matches("20\\d\\d")), ticks.toString());
        assertLabelsFit(years, ticks);

        Element night = parse(Charts.history(List.of(point("2026-03-02T01:00:00Z", 6),
                point("2026-03-01T22:00:00Z", 5)), EN));
        assertEquals(List.of("2026-03-01 – 2026-03-02 (UTC)"), classed(night, "text", "context"));
        assertTrue(ticks(night).stream().map(Tick::label).toList().contains("00:00"), ticks(night).toString());
    }

    @Test
    void noTwoTimeLabelsOverlapWhateverTheSpan() throws Exception {
        Random random = new Random(7);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int round = 0; round < 400; round++) {
            // spans from a second to about thirty years, two to twelve moves
            long span = (long) Math.pow(10, random.nextDouble() * 9);
            Instant first = start.plusSeconds(random.nextInt(400 * 86_400));
            List<Object> newestFirst = new ArrayList<>();
            int moves = 2 + random.nextInt(11);
            for (int i = 0; i < moves; i++) {
                long at = i == 0 ? 0 : i == moves - 1 ? span : (long) (random.nextDouble() * span);
                newestFirst.add(point(first.plusSeconds(at).toString(), random.nextInt(11)));
            }
            Element svg = parse(Charts.history(newestFirst, EN));
            List<Tick> ticks = ticks(svg);
            assertTrue(ticks.size() >= 2, span + " s: " + ticks);
            assertLabelsFit(svg, ticks);
        }
    }

    @Test
    void aSinglePointHasNoLine() throws Exception {
        Element svg = parse(Charts.history(List.of(point("2026-03-01T00:00:00Z", 5)), EN));

        assertEquals(0, svg.getElementsByTagName("polyline").getLength());
        assertEquals(List.of("320.0"), attributes(svg, "circle", "cx"), "in the middle");
        assertEquals(List.of("100.0"), attributes(svg, "circle", "cy"));
        assertEquals(List.of(new Tick(320.0, "2026-03-01 00:00 UTC")), ticks(svg), "labelled with its date");
    }

    @Test
    void movesAtOneInstantShareTheMiddle() throws Exception {
        Element svg = parse(Charts.history(List.of(point("2026-03-01T10:00:00Z", 6),
                point("2026-03-01T10:00:00Z", 5)), EN));

        assertEquals(List.of("320.0", "320.0"), attributes(svg, "circle", "cx"));
        assertEquals(List.of("320.0,100.0 320.0,82.0"), attributes(svg, "polyline", "points"));
        assertEquals(List.of(new Tick(320.0, "2026-03-01 10:00 UTC")), ticks(svg));
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

    /** The time axis's labels, left to right. */
    private static List<Tick> ticks(Element svg) {
        List<Tick> ticks = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("class").contains("time")) {
                assertEquals("middle", text.getAttribute("text-anchor"));
                ticks.add(new Tick(Double.parseDouble(text.getAttribute("x")), text.getTextContent()));
            }
        }
        return ticks;
    }

    /** Each label inside the chart's width, and clear of the next, as wide as the chart's text is reckoned. */
    private static void assertLabelsFit(Element svg, List<Tick> ticks) {
        double width = Double.parseDouble(svg.getAttribute("viewBox").split(" ")[2]);
        double previousEnd = Double.NEGATIVE_INFINITY;
        for (Tick tick : ticks) {
            double half = TextWidth.chart(tick.label()) / 2;
            assertTrue(tick.x() - half >= 0 && tick.x() + half <= width, tick + " inside 0-" + width);
            assertTrue(tick.x() - half >= previousEnd + 4, tick + " clear of the one before: " + ticks);
            previousEnd = tick.x() + half;
        }
    }

    /** The texts of the elements of a kind whose class attribute names {@code className}. */
    private static List<String> classed(Element svg, String tag, String className) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(className)) {
                texts.add(element.getTextContent());
            }
        }
        return texts;
    }

    private static List<Element> elements(Element svg, String tag, String className) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(className)) {
                found.add(element);
            }
        }
        return found;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static Map<String, Object> percentile(int percentile, long annual, boolean atLeast) {
        return Map.of("percentile", percentile, "annual", Map.of("amount", annual, "atLeast", atLeast),
                "hourly", Map.of("amount", annual / 2080.0, "atLeast", atLeast));
    }

    private static Map<String, Object> band(String level, long min, long max, String currency) {
        return Map.of("level", level, "min", min, "max", max, "currency", currency);
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
