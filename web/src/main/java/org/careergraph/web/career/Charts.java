package org.careergraph.web.career;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.careergraph.web.view.PageContext;

/**
 * The career page's charts as inline SVG drawn on the server: nothing to load, nothing to run, and each carries a
 * title and description for screen readers (the numbers are also in a table beside it).
 */
final class Charts {

    private static final int BAR_WIDTH = 360;
    private static final int ROW = 30;
    private static final int LABEL = 260;

    private Charts() {
    }

    /** One horizontal bar per dimension on a 0-10 scale; a dimension without a value is marked as not rated. */
    static String dimensions(Map<?, ?> values, PageContext page) {
        List<String> dimensions = PageContext.DIMENSIONS;
        int height = dimensions.size() * ROW + 24;
        int width = LABEL + BAR_WIDTH + 50;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-labelledby=\"dimensions-title\" aria-describedby=\"dimensions-desc\">")
                .append("<title id=\"dimensions-title\">").append(escape(page.getT().get("score.chartTitle")))
                .append("</title><desc id=\"dimensions-desc\">");
        for (String dimension : dimensions) {
            Double value = score(values.get(dimension));
            svg.append(escape(page.getT().get("dimension." + dimension))).append(": ")
                    .append(value == null ? escape(page.getT().get("score.notRated")) : format(value)).append(". ");
        }
        svg.append("</desc>");
        for (int tick = 0; tick <= 10; tick += 2) {
            int x = LABEL + tick * BAR_WIDTH / 10;
            svg.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 20).append("\"/><text class=\"tick\" x=\"").append(x).append("\" y=\"")
                    .append(height - 6).append("\" text-anchor=\"middle\">").append(tick).append("</text>");
        }
        for (int i = 0; i < dimensions.size(); i++) {
            String dimension = dimensions.get(i);
            Double value = score(values.get(dimension));
            int y = i * ROW;
            svg.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\">").append(escape(page.getT().get("dimension." + dimension)))
                    .append("</text>");
            if (value == null) {
                svg.append("<text class=\"value\" x=\"").append(LABEL + 4).append("\" y=\"").append(y + 19)
                        .append("\">")
                        .append(escape(page.getT().get("score.notRated"))).append("</text>");
                continue;
            }
            int length = (int) Math.round(value * BAR_WIDTH / 10);
            svg.append("<rect class=\"bar\" x=\"").append(LABEL).append("\" y=\"").append(y + 5).append("\" width=\"")
                    .append(length).append("\" height=\"20\"/><text class=\"value\" x=\"").append(LABEL + length + 6)
                    .append("\" y=\"").append(y + 20).append("\">").append(format(value)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The overall score over time, oldest on the left; {@code history} is newest first, as the API gives it. */
    static String history(List<?> history, PageContext page) {
        List<Map<?, ?>> points = history.stream().filter(Map.class::isInstance).<Map<?, ?>>map(p -> (Map<?, ?>) p)
                .filter(p -> score(p.get("overall")) != null).toList().reversed();
        int width = 640;
        int height = 220;
        int left = 40;
        int bottom = 30;
        int plotWidth = width - left - 20;
        int plotHeight = height - bottom - 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-labelledby=\"history-title\" aria-describedby=\"history-desc\">")
                .append("<title id=\"history-title\">")
                .append(escape(page.getT().get("history.chartTitle"))).append("</title><desc id=\"history-desc\">");
        for (Map<?, ?> point : points) {
            svg.append(escape(page.date(point.get("changedAt")))).append(": ")
                    .append(format(score(point.get("overall")))).append(". ");
        }
        svg.append("</desc>");
        for (int tick = 0; tick <= 10; tick += 5) {
            int y = 10 + plotHeight - tick * plotHeight / 10;
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(width - 20).append("\" y2=\"").append(y).append("\"/><text class=\"tick\" x=\"")
                    .append(left - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">").append(tick)
                    .append("</text>");
        }
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = left + (points.size() == 1 ? plotWidth / 2.0 : (double) i * plotWidth / (points.size() - 1));
            double value = score(points.get(i).get("overall"));
            double y = 10 + plotHeight - value * plotHeight / 10;
            line.append(i == 0 ? "" : " ").append(format(x)).append(',').append(format(y));
            dots.append("<circle class=\"dot\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                    .append("\" r=\"4\"/>");
        }
        if (points.size() > 1) {
            svg.append("<polyline class=\"line\" points=\"").append(line).append("\"/>");
        }
        svg.append(dots);
        if (!points.isEmpty()) {
            svg.append("<text class=\"tick\" x=\"").append(left).append("\" y=\"").append(height - 8).append("\">")
                    .append(escape(page.date(points.getFirst().get("changedAt")))).append("</text>")
                    .append("<text class=\"tick\" x=\"").append(width - 20).append("\" y=\"").append(height - 8)
                    .append("\" text-anchor=\"end\">").append(escape(page.date(points.getLast().get("changedAt"))))
                    .append("</text>");
        }
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
        int height = rows.size() * ROW + 8;
        int width = LABEL + BAR_WIDTH + 110;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-labelledby=\"wages-title\" aria-describedby=\"wages-desc\">")
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
            svg.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\">").append(escape(percentileName(row, page))).append("</text>");
            Double value = amount(page.at(row, "annual.amount"));
            if (value == null) {
                svg.append("<text class=\"value\" x=\"").append(LABEL + 4).append("\" y=\"").append(y + 19)
                        .append("\">").append(escape(page.getT().get("wages.notPublished"))).append("</text>");
                continue;
            }
            boolean floor = Boolean.TRUE.equals(page.at(row, "annual.atLeast"));
            int length = (int) Math.round(value * BAR_WIDTH / highest);
            svg.append("<rect class=\"").append(floor ? "bar floor" : "bar").append("\" x=\"").append(LABEL)
                    .append("\" y=\"").append(y + 5).append("\" width=\"").append(length)
                    .append("\" height=\"20\"/>");
            if (floor) {
                // open-ended: the true figure lies somewhere beyond the bar's end
                svg.append("<path class=\"floor-arrow\" d=\"M").append(LABEL + length + 2).append(' ').append(y + 7)
                        .append(" l10 8 l-10 8 z\"/>");
            }
            svg.append("<text class=\"value\" x=\"").append(LABEL + length + (floor ? 18 : 6)).append("\" y=\"")
                    .append(y + 20).append("\">").append(escape(page.money(row.get("annual")))).append("</text>");
        }
        return svg.append("</svg>").toString();
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
