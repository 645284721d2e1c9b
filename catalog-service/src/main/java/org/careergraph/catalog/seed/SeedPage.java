package org.careergraph.catalog.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.careergraph.catalog.page.LocalizedText;

/**
 * Reads the identity, titles and salary bands from a career page's text, in both page layouts (plain rows and
 * Markdown tables). The walking skeleton's minimal loader; the full importer reads every section.
 */
final class SeedPage {

    private static final Pattern CODE_LINE = Pattern.compile("職業代碼:\\s*([0-9-]+)\\s*\\(([A-Za-z]+)\\)");
    private static final Pattern CURRENCY = Pattern.compile("年薪\\s*\\(([A-Z]{3})\\)");
    private static final Pattern BAND = Pattern.compile(
            "^\\|?\\s*(.+?)\\s*\\|?\\s*\\$([0-9,]+)\\s*~\\s*\\$([0-9,]+)\\s*\\|?\\s*(.*?)\\s*\\|?\\s*$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final List<String> NOT_TITLES = List.of("AI Career Graph", "← 所有職業");

    private SeedPage() {
    }

    static CareerPage parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        int codeLine = indexOf(lines, CODE_LINE);
        if (codeLine < 0) {
            throw new IllegalArgumentException("no 職業代碼 (occupation code) line");
        }
        Matcher code = CODE_LINE.matcher(lines.get(codeLine));
        code.find();
        String title = lines.subList(0, codeLine).stream()
                .filter(l -> !l.isEmpty() && !NOT_TITLES.contains(l)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("no title before the code line"));
        String[] titles = splitTitle(title);
        return new CareerPage(new LocalizedText(titles[0], titles[1]), code.group(2), code.group(1), null, null, null,
                null, null, salaryBands(lines), null, null, null, null, null, null, null, null, null, null);
    }

    /** "社區服務工作者 Community Services Worker" -> zh, en: the split follows the last Han character. */
    static String[] splitTitle(String title) {
        Matcher han = HAN.matcher(title);
        int end = -1;
        while (han.find()) {
            end = han.end();
        }
        if (end < 0) {
            return new String[] {title, title};
        }
        String zh = title.substring(0, end).strip();
        String en = title.substring(end).strip();
        return new String[] {zh, en.isEmpty() ? zh : en};
    }

    private static List<PageSalaryBand> salaryBands(List<String> lines) {
        int heading = lines.indexOf("薪資");
        List<PageSalaryBand> bands = new ArrayList<>();
        if (heading < 0) {
            return bands;
        }
        String currency = "NZD";
        for (String line : lines.subList(heading + 1, lines.size())) {
            Matcher c = CURRENCY.matcher(line);
            if (c.find()) {
                currency = c.group(1);
                continue;
            }
            Matcher band = BAND.matcher(line);
            if (band.matches()) {
                String note = band.group(4).isBlank() ? null : band.group(4);
                bands.add(new PageSalaryBand(band.group(1), null, null, amount(band.group(2)), amount(band.group(3)),
                        currency, note));
            } else if (!line.isEmpty() && !line.startsWith("|---") && !bands.isEmpty()) {
                break;
            }
        }
        return bands;
    }

    private static BigDecimal amount(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }
}
