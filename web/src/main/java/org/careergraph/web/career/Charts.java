package org.careergraph.web.career;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.careergraph.web.view.PageContext;

/**
 * The career page's charts as inline SVG drawn on the server: nothing to load, nothing to run, and each carries a
 * title and description for screen readers (the numbers are also in a table beside it).
 */
final class Charts {

    private static final int BAR_WIDTH = 360;
    private static final int ROW = 30;
    /** The room between a label column and its bars. */
    private static final int LABEL_GAP = 14;
    /** The history chart's margins: the score's ticks on the left, half a date label on either side. */
    private static final int HISTORY_LEFT = 48;
    private static final int HISTORY_RIGHT = 48;
    /** The salary chart's axis, and each band's row: its bar and the amounts under it. */
    private static final int SALARY_PLOT = 420;
    private static final int SALARY_ROW = 46;

    private Charts() {
    }

    /**
     * One horizontal bar per dimension on a 0-10 scale; a dimension without a value is marked as not rated. The labels
     * start at the left edge and the bars after the longest of them (as {@link TextWidth} reckons it, in either
     * language), so no label is cut off or runs into a bar.
     */
    static String dimensions(Map<?, ?> values, PageContext page) {
        List<String> dimensions = PageContext.DIMENSIONS;
        List<String> labels = dimensions.stream().map(d -> page.getT().get("dimension." + d)).toList();
        int left = labelColumn(labels);
        int height = dimensions.size() * ROW + 24;
        int width = left + BAR_WIDTH + 50;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart dimensions-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"dimensions-title\" aria-describedby=\"dimensions-desc\">")
                .append("<title id=\"dimensions-title\">").append(escape(page.getT().get("score.chartTitle")))
                .append("</title><desc id=\"dimensions-desc\">");
        for (int i = 0; i < dimensions.size(); i++) {
            Double value = score(values.get(dimensions.get(i)));
            svg.append(escape(labels.get(i))).append(": ")
                    .append(value == null ? escape(page.getT().get("score.notRated")) : format(value)).append(". ");
        }
        svg.append("</desc>");
        for (int tick = 0; tick <= 10; tick += 2) {
            int x = left + tick * BAR_WIDTH / 10;
            svg.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 20).append("\"/><text class=\"tick\" x=\"").append(x).append("\" y=\"")
                    .append(height - 6).append("\" text-anchor=\"middle\">").append(tick).append("</text>");
        }
        for (int i = 0; i < dimensions.size(); i++) {
            Double value = score(values.get(dimensions.get(i)));
            int y = i * ROW;
            svg.append("<text class=\"label\" x=\"0\" y=\"").append(y + 19).append("\">").append(escape(labels.get(i)))
                    .append("</text>");
            if (value == null) {
                svg.append("<text class=\"value\" x=\"").append(left + 4).append("\" y=\"").append(y + 19)
                        .append("\">")
                        .append(escape(page.getT().get("score.notRated"))).append("</text>");
                continue;
            }
            int length = (int) Math.round(value * BAR_WIDTH / 10);
            svg.append("<rect class=\"bar\" x=\"").append(left).append("\" y=\"").append(y + 5).append("\" width=\"")
                    .append(length).append("\" height=\"20\"/><text class=\"value\" x=\"").append(left + length + 6)
                    .append("\" y=\"").append(y + 20).append("\">").append(format(value)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The overall score over time, oldest on the left; {@code history} is newest first, as the API gives it. Each
     * point lies in proportion to when it moved (a week between two moves is seven times as wide as a day), the
     * axis labelled at round moments that leave room between their labels ({@link TimeAxis}). Should a point's time
     * be unreadable, the points are spaced evenly instead, the first and last time under the axis.
     */
    static String history(List<?> history, PageContext page) {
        List<Map<?, ?>> points = history.stream().filter(Map.class::isInstance).<Map<?, ?>>map(p -> (Map<?, ?>) p)
                .filter(p -> score(p.get("overall")) != null).toList().reversed();
        List<Instant> times = points.stream().map(p -> TimeAxis.parse(p.get("changedAt"))).toList();
        boolean timed = !points.isEmpty() && times.stream().allMatch(Objects::nonNull);
        if (timed) {
            // Oldest first, by time (the API's order is that of the moves' ids).
            List<Integer> order = IntStream.range(0, points.size()).boxed()
                    .sorted(Comparator.comparing(times::get)).toList();
            points = order.stream().<Map<?, ?>>map(points::get).toList();
            times = order.stream().map(times::get).toList();
        }
        int width = 640;
        int left = HISTORY_LEFT;
        int plotWidth = width - left - HISTORY_RIGHT;
        int top = 10;
        int plotHeight = 180;
        int axis = top + plotHeight;
        TimeAxis.Layout layout = timed ? TimeAxis.layout(times, left, plotWidth) : null;
        boolean context = layout != null && layout.context() != null;
        int height = axis + (context ? 46 : 28);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart history-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"history-title\" aria-describedby=\"history-desc\">")
                .append("<title id=\"history-title\">")
                .append(escape(page.getT().get("history.chartTitle"))).append("</title><desc id=\"history-desc\">");
        for (Map<?, ?> point : points) {
            svg.append(escape(page.date(point.get("changedAt")))).append(": ")
                    .append(format(score(point.get("overall")))).append(". ");
        }
        svg.append("</desc>");
        for (int tick = 0; tick <= 10; tick += 5) {
            int y = top + plotHeight - tick * plotHeight / 10;
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(left + plotWidth).append("\" y2=\"").append(y).append("\"/><text class=\"tick\" x=\"")
                    .append(left - 8).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">").append(tick)
                    .append("</text>");
        }
        List<Double> xs;
        List<TimeAxis.Tick> ticks;
        if (layout != null) {
            xs = layout.xs();
            ticks = layout.ticks();
        } else {
            List<Double> even = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                even.add(left + (points.size() == 1 ? plotWidth / 2.0 : (double) i * plotWidth / (points.size() - 1)));
            }
            xs = even;
            ticks = points.isEmpty() ? List.of() : points.size() == 1
                    ? List.of(new TimeAxis.Tick(xs.getFirst(), page.date(points.getFirst().get("changedAt"))))
                    : List.of(new TimeAxis.Tick(left, page.date(points.getFirst().get("changedAt"))),
                            new TimeAxis.Tick(left + plotWidth, page.date(points.getLast().get("changedAt"))));
        }
        for (TimeAxis.Tick tick : ticks) {
            // each label kept inside the chart: the first and last may sit at the ends of the axis
            double labelWidth = TextWidth.chart(tick.label());
            double x = Math.max(labelWidth / 2 + 1, Math.min(width - labelWidth / 2 - 1, tick.x()));
            svg.append("<line class=\"axis-tick\" x1=\"").append(format(tick.x())).append("\" y1=\"").append(axis)
                    .append("\" x2=\"").append(format(tick.x())).append("\" y2=\"").append(axis + 5).append("\"/>")
                    .append("<text class=\"tick time\" x=\"").append(format(x)).append("\" y=\"").append(axis + 20)
                    .append("\" text-anchor=\"middle\">").append(escape(tick.label())).append("</text>");
        }
        if (context) {
            svg.append("<text class=\"tick context\" x=\"").append(left).append("\" y=\"").append(axis + 40)
                    .append("\">").append(escape(layout.context())).append("</text>");
        }
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = xs.get(i);
            double value = score(points.get(i).get("overall"));
            double y = top + plotHeight - value * plotHeight / 10;
            line.append(i == 0 ? "" : " ").append(format(x)).append(',').append(format(y));
            dots.append("<circle class=\"dot\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                    .append("\" r=\"4\"/>");
        }
        if (points.size() > 1) {
            svg.append("<polyline class=\"line\" points=\"").append(line).append("\"/>");
        }
        svg.append(dots);
        return svg.append("</svg>").toString();
    }

    /**
     * The yearly wage at each published percentile (OEWS: 10th, 25th, median, 75th, 90th) as horizontal bars on one
     * scale, in US dollars. A top-coded figure (BLS gives only a floor) is drawn open-ended and written "≥"; a
     * percentile published by the hour only is written as not published. Null when no yearly figure is published.
     */
    @Nullable
    static String wages(List<?> percentiles, PageContext page) {
        List<Map<?, ?>> rows = percentiles.stream().filter(Map.class::isInstance).<Map<?, ?>>map(p -> (Map<?, ?>) p)
                .sorted(Comparator.comparingInt(p -> percentile(p) == null ? 100 : percentile(p))).toList();
        double highest = rows.stream().map(p -> amount(page.at(p, "annual.amount"))).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (highest <= 0) {
            return null;
        }
        int left = labelColumn(rows.stream().map(row -> percentileName(row, page)).toList());
        int height = rows.size() * ROW + 8;
        int width = left + BAR_WIDTH + 110;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart wages-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"wages-title\" aria-describedby=\"wages-desc\">")
                .append("<title id=\"wages-title\">").append(escape(page.getT().get("wages.chartTitle")))
                .append("</title><desc id=\"wages-desc\">");
        for (Map<?, ?> row : rows) {
            svg.append(escape(percentileName(row, page))).append(": ");
            if (amount(page.at(row, "annual.amount")) == null) {
                svg.append(escape(page.getT().get("wages.notPublished")));
            } else {
                boolean floor = Boolean.TRUE.equals(page.at(row, "annual.atLeast"));
                svg.append(floor ? escape(page.getT().get("wages.atLeast")) + " " : "")
                        .append(escape(page.number(page.at(row, "annual.amount")))).append(" USD");
            }
            svg.append(". ");
        }
        svg.append("</desc>");
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = rows.get(i);
            int y = i * ROW;
            svg.append("<text class=\"label\" x=\"0\" y=\"").append(y + 19).append("\">")
                    .append(escape(percentileName(row, page))).append("</text>");
            Double value = amount(page.at(row, "annual.amount"));
            if (value == null) {
                svg.append("<text class=\"value\" x=\"").append(left + 4).append("\" y=\"").append(y + 19)
                        .append("\">").append(escape(page.getT().get("wages.notPublished"))).append("</text>");
                continue;
            }
            boolean floor = Boolean.TRUE.equals(page.at(row, "annual.atLeast"));
            int length = (int) Math.round(value * BAR_WIDTH / highest);
            svg.append("<rect class=\"").append(floor ? "bar floor" : "bar").append("\" x=\"").append(left)
                    .append("\" y=\"").append(y + 5).append("\" width=\"").append(length)
                    .append("\" height=\"20\"/>");
            if (floor) {
                // open-ended: the true figure lies somewhere beyond the bar's end
                svg.append("<path class=\"floor-arrow\" d=\"M").append(left + length + 2).append(' ').append(y + 7)
                        .append(" l10 8 l-10 8 z\"/>");
            }
            svg.append("<text class=\"value\" x=\"").append(left + length + (floor ? 18 : 6)).append("\" y=\"")
                    .append(y + 20).append("\">").append(escape(page.money(row.get("annual")))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The page's salary bands as ranges on one axis per currency (a page quoting two currencies gets two charts, as
     * their amounts cannot share a scale): one bar from each band's lowest to its highest pay, the amounts written
     * under it, and the axis in the currency's format ({@code NZ$60,000}). Where the occupation's US median wage is
     * published (BLS OEWS) and the bands are in US dollars, it is marked across them; a top that BLS top-codes is
     * drawn open-ended and written "≥". Empty when no band has both its amounts.
     *
     * @param bands  the page's {@code salaryBands}, in the page's order (lowest level first, as pages give them)
     * @param wages  the official record's {@code wages} (null: none)
     */
    static List<String> salary(List<?> bands, @Nullable Object wages, PageContext page) {
        Map<String, List<Map<?, ?>>> byCurrency = new LinkedHashMap<>();
        for (Object item : bands) {
            if (item instanceof Map<?, ?> band && band.get("currency") != null && amount(band.get("min")) != null
                    && amount(band.get("max")) != null) {
                byCurrency.computeIfAbsent(band.get("currency").toString(), c -> new ArrayList<>()).add(band);
            }
        }
        List<String> charts = new ArrayList<>();
        byCurrency.forEach((currency, rows) -> charts.add(salaryChart(currency, rows, wages, page)));
        return charts;
    }

    private static String salaryChart(String currency, List<Map<?, ?>> rows, @Nullable Object wages,
                                      PageContext page) {
        boolean usd = currency.equals("USD");
        Double median = null;
        List<Double> floors = new ArrayList<>();
        if (usd && page.at(wages, "percentiles") instanceof List<?> percentiles) {
            for (Object percentile : percentiles) {
                Double annual = amount(page.at(percentile, "annual.amount"));
                if (annual == null) {
                    continue;
                }
                if (Boolean.TRUE.equals(page.at(percentile, "annual.atLeast"))) {
                    floors.add(annual);
                } else if (percentile instanceof Map<?, ?> p && p.get("percentile") instanceof Number n
                        && n.intValue() == 50) {
                    median = annual;
                }
            }
        }
        double low = rows.stream().mapToDouble(r -> Math.min(amount(r.get("min")), amount(r.get("max")))).min()
                .orElseThrow();
        double high = rows.stream().mapToDouble(r -> Math.max(amount(r.get("min")), amount(r.get("max")))).max()
                .orElseThrow();
        if (median != null) {
            low = Math.min(low, median);
            high = Math.max(high, median);
        }
        MoneyScale scale = MoneyScale.of(low, high, SALARY_PLOT, amount -> money(currency, amount, page));

        List<String> labels = rows.stream().map(r -> String.valueOf(r.get("level"))).toList();
        double widestTick = scale.ticks().stream().mapToDouble(t -> TextWidth.chart(t.label())).max().orElse(0);
        int left = Math.max(labelColumn(labels), (int) Math.ceil(widestTick / 2) + 4);
        int right = Math.max(24, (int) Math.ceil(widestTick / 2) + 4);
        int top = median == null ? 6 : 30;
        int rowsBottom = top + rows.size() * SALARY_ROW;
        int height = rowsBottom + 30;
        int width = left + SALARY_PLOT + right;
        String id = "salary-" + currency.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart salary-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"").append(id).append("-title\" aria-describedby=\"")
                .append(id).append("-desc\" data-currency=\"").append(escape(currency)).append("\">")
                .append("<title id=\"").append(id).append("-title\">")
                .append(escape(page.getT().get("salary.chartTitle").replace("{0}", currency)))
                .append("</title><desc id=\"").append(id).append("-desc\">");
        List<String> ranges = new ArrayList<>();
        for (Map<?, ?> row : rows) {
            double min = amount(row.get("min"));
            double max = amount(row.get("max"));
            boolean floor = usd && floors.contains(max);
            String range = min == max ? money(currency, min, page) : money(currency, min, page) + " – "
                    + (floor ? "≥ " : "") + money(currency, max, page);
            ranges.add(range);
            svg.append(escape(String.valueOf(row.get("level")))).append(": ").append(escape(range)).append(". ");
        }
        String medianText = median == null ? null
                : page.getT().get("salary.chartMedian").replace("{0}", money(currency, median, page));
        if (medianText != null) {
            svg.append(escape(medianText)).append('.');
        }
        svg.append("</desc>");

        for (MoneyScale.Tick tick : scale.ticks()) {
            double x = left + tick.x();
            svg.append("<line class=\"grid\" x1=\"").append(format(x)).append("\" y1=\"").append(top)
                    .append("\" x2=\"").append(format(x)).append("\" y2=\"").append(rowsBottom + 4).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(format(x)).append("\" y=\"").append(rowsBottom + 20)
                    .append("\" text-anchor=\"middle\">").append(escape(tick.label())).append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = rows.get(i);
            double min = Math.min(amount(row.get("min")), amount(row.get("max")));
            double max = Math.max(amount(row.get("min")), amount(row.get("max")));
            boolean floor = usd && floors.contains(max);
            int y = top + i * SALARY_ROW;
            double x1 = left + scale.x(min);
            double x2 = Math.max(x1 + 2, left + scale.x(max));
            String level = String.valueOf(row.get("level"));
            String lang = page.langOf(level);
            svg.append("<text class=\"label\" x=\"0\" y=\"").append(y + 17).append('"')
                    .append(lang == null ? "" : " lang=\"" + lang + "\"").append('>').append(escape(level))
                    .append("</text>");
            svg.append("<rect class=\"range").append(floor ? " floor" : "").append("\" x=\"").append(format(x1))
                    .append("\" y=\"").append(y + 4).append("\" width=\"").append(format(x2 - x1))
                    .append("\" height=\"18\" data-min=\"").append(plain(min)).append("\" data-max=\"")
                    .append(plain(max)).append("\"/>");
            if (floor) {
                svg.append("<path class=\"floor-arrow\" d=\"M").append(format(x2 + 2)).append(' ').append(y + 5)
                        .append(" l9 8 l-9 8 z\"/>");
            }
            String range = ranges.get(i);
            double textWidth = TextWidth.chart(range);
            double textX = Math.max(left, Math.min(width - textWidth - 2, x1));
            svg.append("<text class=\"value\" x=\"").append(format(textX)).append("\" y=\"").append(y + 37)
                    .append("\">").append(escape(range)).append("</text>");
        }
        if (median != null) {
            double x = left + scale.x(median);
            double textWidth = TextWidth.chart(medianText);
            double textX = Math.max(textWidth / 2 + 1, Math.min(width - textWidth / 2 - 1, x));
            svg.append("<line class=\"median\" x1=\"").append(format(x)).append("\" y1=\"").append(top - 8)
                    .append("\" x2=\"").append(format(x)).append("\" y2=\"").append(rowsBottom + 4).append("\"/>")
                    .append("<text class=\"value median-label\" x=\"").append(format(textX)).append("\" y=\"14\"")
                    .append(" text-anchor=\"middle\">").append(escape(medianText)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** An amount in a currency, whole units, in the reader's locale ({@code NZ$60,000}, {@code US$60,000}). */
    static String money(String currency, double amount, PageContext page) {
        Locale locale = page.getLang().equals("zh") ? Locale.TRADITIONAL_CHINESE : Locale.US;
        NumberFormat format;
        try {
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code Java knows: the code before the number
            NumberFormat number = NumberFormat.getNumberInstance(Locale.US);
            number.setMaximumFractionDigits(0);
            return currency + " " + number.format(amount);
        }
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    /**
     * The width of a column of labels that start at the chart's left edge: the widest label in either language, as
     * {@link TextWidth} reckons it, and a gap before the bars.
     */
    static int labelColumn(List<String> labels) {
        double widest = labels.stream().mapToDouble(TextWidth::chart).max().orElse(0);
        return (int) Math.ceil(widest) + LABEL_GAP;
    }

    private static String plain(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }

    private static String percentileName(Map<?, ?> row, PageContext page) {
        Integer percentile = percentile(row);
        return percentile == null ? "" : page.getT().get("wages.percentile." + percentile);
    }

    @Nullable
    private static Integer percentile(Map<?, ?> row) {
        return row.get("percentile") instanceof Number n ? n.intValue() : null;
    }

    @Nullable
    private static Double amount(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            double amount = new BigDecimal(value.toString()).doubleValue();
            return amount < 0 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A 0-10 value as drawn (clamped to the scale); null for none or for anything that is no number. */
    private static Double score(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, Math.min(10, new BigDecimal(value.toString()).doubleValue()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
