package org.careergraph.catalog.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.CareerPage.EducationPath;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.careergraph.catalog.page.CareerPage.Qualification;

/**
 * The page's tables: salary bands, education paths and qualifications, either as rows whose cells run together
 * ("初級(0-3年)$48,000 ~ $58,000Usually…") or as Markdown / tab-separated rows.
 */
final class Tables {

    // Linear on a line: digit runs and spaces are taken possessively (never retried at every shorter length), and a
    // number that starts a duration starts where its digits start, so a run of digits is scanned once, not once
    // from each of its digits.
    private static final String NUMBER = "(\\d[\\d,]*+(?:\\.\\d++)?)(?:\\s*+([kK])(?![A-Za-z]))?";
    private static final Pattern RANGE = Pattern.compile("(?:(?<![A-Za-z])(NZ|US|AU|A|CA|C))?\\$\\s*+"
            + NUMBER + "(?:\\s*+(?:~|～|-|–|—|to|至)\\s*+(?:(?<![A-Za-z])(?:NZ|US|AU|A|CA|C))?\\$?\\s*+" + NUMBER + ")?");
    private static final Pattern HEADER_CURRENCY = Pattern.compile("[(（]\\s*+([A-Z]{3})\\s*+[)）]");
    private static final Pattern YEAR_RANGE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*+[-–~至到]\\s*+(\\d{1,2})\\s*+(?:年|years?|yrs?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEARS_OR_MORE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*+(?:\\+\\s*+(?:年|years?|yrs?)|(?:年|years?|yrs?)\\s*+(?:以上|\\+|or more))",
            Pattern.CASE_INSENSITIVE);
    private static final String DURATION_NUMBER = "(?<!\\d)\\d++(?:\\.\\d++)?";
    private static final String DURATION = "(?:" + DURATION_NUMBER + "\\s*+(?:[-–~至到]\\s*+\\d++(?:\\.\\d++)?\\s*+)?"
            + "\\+?\\s*+(?:年|個月|月|週|周|years?|yrs?|months?|weeks?)|none|無|n/a|不限)";
    private static final Pattern STAGE_THEN_DURATION = Pattern.compile("^(.*?)\\s*+(" + DURATION + ")$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION_PARTS = Pattern.compile(
            "(" + DURATION_NUMBER + ")\\s*+(?:[-–~至到]\\s*+(\\d++(?:\\.\\d++)?)\\s*+)?(\\+)?\\s*+(年|個月|月|週|周|years?"
                    + "|yrs?|months?|weeks?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENT = Pattern.compile(
            "\\s?(必需|必須|必要|required|mandatory|可選|選擇性|建議|optional|recommended)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NOISE = Pattern.compile("[\\s|/:：]");
    private static final List<String> SALARY_HEADER = List.of("經驗", "年薪", "薪資範圍", "範圍", "備註", "說明",
            "experience", "level", "annual salary", "salary", "range", "notes", "note");
    private static final List<String> EDUCATION_HEADER = List.of("階段", "時長", "費用", "stage", "duration", "cost",
            "fees");
    private static final List<String> QUALIFICATION_HEADER = List.of("學歷", "資格", "證書", "發證機構", "頒發機構",
            "必需/可選", "qualification", "certificate", "issuing body", "issuer", "required");

    private Tables() {
    }

    /** The currency a table header names, e.g. "經驗年薪 (NZD)" or "| 階段 | 時長 | 費用 (USD) |". */
    static Optional<String> headerCurrency(List<String> lines) {
        return lines.stream().filter(l -> !l.contains("$")).map(HEADER_CURRENCY::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }

    static List<PageSalaryBand> salaryBands(List<String> lines, String pageCurrency, List<ImportWarning> warnings) {
        String currency = headerCurrency(lines).orElse(null);
        List<PageSalaryBand> bands = new ArrayList<>();
        Set<ImportWarning> warnedOnce = new HashSet<>();
        for (String line : lines) {
            String row = String.join(" ", PageText.cells(line));
            Matcher range = RANGE.matcher(row);
            if (PageText.isTableSeparator(line) || isHeader(row, SALARY_HEADER)) {
                continue;
            }
            if (!range.find()) {
                AiImpactReader.unplaced(warnings, Section.SALARY, line);
                continue;
            }
            String level = row.substring(0, range.start()).strip();
            String note = row.substring(range.end()).strip();
            Integer[] years = years(level);
            bands.add(new PageSalaryBand(level, years[0], years[1], amount(range, 2), amount(range, 4),
                    rowCurrency(range, currency, pageCurrency, Section.SALARY, warnings, warnedOnce),
                    note.isEmpty() ? null : note));
        }
        return bands;
    }

    static List<EducationPath> educationPaths(List<String> lines, String pageCurrency, List<ImportWarning> warnings) {
        String currency = headerCurrency(lines).orElse(null);
        List<EducationPath> paths = new ArrayList<>();
        Set<ImportWarning> warnedOnce = new HashSet<>();
        for (String line : lines) {
            List<String> cells = PageText.cells(line);
            String row = String.join(" ", cells);
            if (PageText.isTableSeparator(line) || isHeader(row, EDUCATION_HEADER)) {
                continue;
            }
            Matcher range = RANGE.matcher(row);
            boolean costed = range.find();
            String[] stageAndDuration = stageAndDuration(cells, costed ? row.substring(0, range.start()).strip() : row);
            if (!costed && stageAndDuration[1] == null) {
                AiImpactReader.unplaced(warnings, Section.EDUCATION, line);
                continue;
            }
            BigDecimal[] years = durationYears(stageAndDuration[1]);
            String rowCurrency = costed
                    ? rowCurrency(range, currency, pageCurrency, Section.EDUCATION, warnings, warnedOnce) : null;
            paths.add(new EducationPath(stageAndDuration[0], stageAndDuration[1], years[0], years[1],
                    costed ? amount(range, 2) : null, costed ? amount(range, 4) : null, rowCurrency));
        }
        return paths;
    }

    static List<Qualification> qualifications(List<String> lines, List<ImportWarning> warnings) {
        List<Qualification> qualifications = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(PageText.cells(line));
            String row = String.join(" ", cells);
            if (PageText.isTableSeparator(line) || isHeader(row, QUALIFICATION_HEADER)) {
                continue;
            }
            String last = cells.get(cells.size() - 1);
            Matcher requirement = REQUIREMENT.matcher(last);
            Boolean required = null;
            if (requirement.find()) {
                required = isRequired(requirement.group(1));
                String rest = last.substring(0, requirement.start()).strip();
                if (rest.isEmpty()) {
                    cells.remove(cells.size() - 1);
                } else {
                    cells.set(cells.size() - 1, rest);
                }
            }
            if (cells.isEmpty()) {
                AiImpactReader.unplaced(warnings, Section.QUALIFICATIONS, line);
                continue;
            }
            String name;
            String issuer;
            if (cells.size() >= 2) {
                name = cells.get(0);
                issuer = String.join(" ", cells.subList(1, cells.size()));
            } else {
                String text = cells.get(0);
                int boundary = PageText.fieldBoundary(text, 1);
                name = boundary < 0 ? text : text.substring(0, boundary).strip();
                issuer = boundary < 0 ? null : text.substring(boundary).strip();
                if (boundary < 0) {
                    warnings.add(new ImportWarning(Section.QUALIFICATIONS.path(),
                            "could not tell the issuer from the name in \"" + PageText.shorten(text) + "\""));
                }
            }
            if (required == null) {
                warnings.add(new ImportWarning(Section.QUALIFICATIONS.path(),
                        "no 必需 / 可選 (required / optional) for \"" + PageText.shorten(name) + "\"; taken as optional"));
            }
            qualifications.add(new Qualification(name, issuer, Boolean.TRUE.equals(required)));
        }
        return qualifications;
    }

    private static boolean isRequired(String marker) {
        return List.of("必需", "必須", "必要", "required", "mandatory").contains(marker.toLowerCase(Locale.ROOT));
    }

    /** A header row: nothing but the table's column names (and a currency), in either language. */
    private static boolean isHeader(String row, List<String> words) {
        String rest = HEADER_CURRENCY.matcher(row).replaceAll("").toLowerCase(Locale.ROOT);
        for (String word : words) {
            rest = rest.replace(word, "");
        }
        return HEADER_NOISE.matcher(rest).replaceAll("").isEmpty();
    }

    /** Stage and duration from the cells left of the cost, or from one cell where they run together. */
    private static String[] stageAndDuration(List<String> cells, String runTogether) {
        List<String> left = cells.stream().takeWhile(c -> !c.contains("$")).toList();
        if (left.size() >= 2) {
            return new String[] {left.get(0), String.join(" ", left.subList(1, left.size()))};
        }
        Matcher split = STAGE_THEN_DURATION.matcher(runTogether);
        if (split.matches() && !split.group(1).isBlank()) {
            return new String[] {split.group(1).strip(), split.group(2).strip()};
        }
        return new String[] {runTogether, null};
    }

    /** "初級(0-3年)" -> 0, 3; "Senior (6+ years)" -> 6, open. */
    static Integer[] years(String level) {
        Matcher range = YEAR_RANGE.matcher(level);
        if (range.find()) {
            return new Integer[] {Integer.valueOf(range.group(1)), Integer.valueOf(range.group(2))};
        }
        Matcher orMore = YEARS_OR_MORE.matcher(level);
        if (orMore.find()) {
            return new Integer[] {Integer.valueOf(orMore.group(1)), null};
        }
        return new Integer[] {null, null};
    }

    /** "2-3 years" -> 2, 3; "1年" -> 1, 1; "3 months" -> 0.25, 0.25; "None" -> none. */
    static BigDecimal[] durationYears(String duration) {
        Matcher parts = duration == null ? null : DURATION_PARTS.matcher(duration);
        if (parts == null || !parts.find()) {
            return new BigDecimal[] {null, null};
        }
        int perYear = switch (parts.group(4).toLowerCase(Locale.ROOT)) {
            case "個月", "月", "month", "months" -> 12;
            case "週", "周", "week", "weeks" -> 52;
            default -> 1;
        };
        BigDecimal min = inYears(parts.group(1), perYear);
        boolean openEnded = parts.group(3) != null;
        BigDecimal max = parts.group(2) != null ? inYears(parts.group(2), perYear) : openEnded ? null : min;
        return new BigDecimal[] {min, max};
    }

    private static BigDecimal inYears(String number, int perYear) {
        BigDecimal value = new BigDecimal(number);
        return perYear == 1 ? value : value.divide(BigDecimal.valueOf(perYear), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(Matcher range, int group) {
        String digits = range.group(group) != null ? range.group(group) : range.group(2);
        String thousands = range.group(group) != null ? range.group(group + 1) : range.group(3);
        BigDecimal value = new BigDecimal(digits.replace(",", ""));
        return thousands == null ? value : value.multiply(BigDecimal.valueOf(1000));
    }

    /**
     * "NZ$" / "US$" on the amount, else the table header's currency, else the page's, with a warning once per table
     * ({@code warnedOnce}: a look through every warning for each row would grow with the square of the rows).
     */
    private static String rowCurrency(Matcher range, String headerCurrency, String pageCurrency, Section section,
            List<ImportWarning> warnings, Set<ImportWarning> warnedOnce) {
        String prefix = range.group(1);
        if (prefix != null) {
            return switch (prefix) {
                case "NZ" -> "NZD";
                case "US" -> "USD";
                case "CA", "C" -> "CAD";
                default -> "AUD";
            };
        }
        if (headerCurrency != null) {
            return headerCurrency;
        }
        ImportWarning assumed = new ImportWarning(section.path(),
                "no currency in the table header; assumed " + pageCurrency);
        if (warnedOnce.add(assumed)) {
            warnings.add(assumed);
        }
        return pageCurrency;
    }
}
