package org.careergraph.catalog.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.careergraph.catalog.importer.Section.Heading;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.events.CodeSystem;

/**
 * Reads a career page's text, in either layout (the "AI Career Graph" page with "•" lists and run-together table
 * rows, or the compact one with "-" lists and Markdown tables), into a {@link CareerPage}. Sections are found by
 * their headings in Chinese or English, in any order, any of them missing. Whatever had to be guessed, and every
 * line that could not be placed, comes back as a warning.
 */
public final class PageImporter {

    private static final Pattern CODE_LINE = Pattern.compile("職業代碼|occupation code", Pattern.CASE_INSENSITIVE);
    /**
     * "職業代碼: 411215(ANZSCO)": the code (group 1, at most 32 characters: every code system's codes are short) and
     * its system (group 2, to be stripped), up to the first parenthesis of either kind. Linear: the code is
     * bounded and the system stops at the next parenthesis, so no character is scanned from many starts.
     */
    private static final Pattern CODE = Pattern.compile(
            "(?:職業代碼|occupation code)\\s*+(?:[:：]\\s*+)?([^\\s(（]{1,32}+)\\s*+[(（]([^()（）]*+)[)）]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SKILLED = Pattern.compile(
            "(非)?技術移民職業|(non-skilled|not a skilled|skilled)[- ]migration occupation", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile(
            "(?:總體|overall)\\s*+(?:[:：]\\s*+)?(\\d++(?:\\.\\d++)?)\\s*+/\\s*+10", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATING_LINE = Pattern.compile("^(?:評分|rating|score)\\s*+[·•:：]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final List<String> RATING_DIMENSIONS = List.of("收入", "需求前景", "pr友善", "ai風險", "競爭強度",
            "學習時長", "認證", "pr難度", "income", "demandoutlook", "prfriendliness", "airisk", "competitionintensity",
            "learningduration", "certification", "prdifficulty");
    /** The dimension names line lists all eight; three is enough to tell it from text that names one. */
    private static final int FEWEST_DIMENSIONS = 3;
    private static final Map<CodeSystem, String> USUAL_CURRENCY = Map.of(CodeSystem.ANZSCO, "NZD",
            CodeSystem.NOL, "NZD", CodeSystem.SOC, "USD", CodeSystem.OSCA, "AUD");
    /** ISO 4217's code for "no currency", for amounts on a page that names none and has no usual one. */
    private static final String NO_CURRENCY = "XXX";

    private PageImporter() {
    }

    /** A line of a page is a sentence or a table row; a longer one is not a page's. */
    static final int MAX_LINE_CHARS = 4_000;

    /** Reads a page with no deadline: the size of the text is for the caller to bound ({@link PageImports} does). */
    public static ImportResult read(String pageText) {
        return read(pageText, Deadline.NONE);
    }

    /**
     * Reads a page, checking the deadline at every line and between sections. The work is linear in the text: the
     * patterns are (see {@link PageText}), and so is every step between them.
     *
     * @throws PageFormatException when the page has no code line ("職業代碼: 411215(ANZSCO)"), no title before it, or
     *         a code system or code the catalog does not know
     * @throws Deadline.Passed when the deadline passes before the page is read
     */
    public static ImportResult read(String pageText, Deadline deadline) {
        String text = pageText == null ? "" : pageText;
        List<String> lines = PageText.lines(text);
        deadline.check();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > MAX_LINE_CHARS) {
                throw new PageFormatException("line " + (i + 1) + " is longer than " + MAX_LINE_CHARS + " characters");
            }
        }
        int codeAt = -1;
        for (int i = 0; i < lines.size() && codeAt < 0; i++) {
            deadline.check();
            codeAt = CODE_LINE.matcher(lines.get(i)).find() ? i : -1;
        }
        if (codeAt < 0) {
            throw new PageFormatException("the page has no occupation code line, e.g. \"職業代碼: 411215(ANZSCO)\"");
        }
        List<ImportWarning> warnings = new ArrayList<>();
        String codeLine = PageText.flat(lines.get(codeAt));
        Matcher code = CODE.matcher(codeLine);
        if (!code.find()) {
            throw new PageFormatException("the code line \"" + PageText.shorten(codeLine)
                    + "\" has no code with its system in parentheses, e.g. 411215(ANZSCO)");
        }
        CodeSystem system = codeSystem(code.group(2).strip(), code.group(1));
        LocalizedText title = title(lines.subList(0, codeAt), warnings);
        String afterCode = codeLine.substring(code.end());

        List<BigDecimal> ratingScores = new ArrayList<>();
        Map<Section, List<String>> sections = sections(lines.subList(codeAt + 1, lines.size()), ratingScores,
                deadline);
        deadline.check();

        List<String> preamble = sections.getOrDefault(Section.PREAMBLE, List.of());
        int summaryEnd = 0;
        while (summaryEnd < preamble.size() && !PageText.isBullet(preamble.get(summaryEnd))
                && AiImpactReader.verdict(preamble.get(summaryEnd)).isEmpty()) {
            summaryEnd++;
        }
        List<String> eraLines = new ArrayList<>(preamble.subList(summaryEnd, preamble.size()));
        eraLines.addAll(sections.getOrDefault(Section.AI_ERA, List.of()));
        AiImpact aiImpact = AiImpactReader.read(eraLines, sections, warnings);
        deadline.check();

        String pageCurrency = Tables.headerCurrency(sections.getOrDefault(Section.SALARY, List.of()))
                .or(() -> Tables.headerCurrency(sections.getOrDefault(Section.EDUCATION, List.of())))
                .orElse(USUAL_CURRENCY.getOrDefault(system, NO_CURRENCY));
        ImmigrationReader.Immigration immigration = ImmigrationReader.read(
                sections.getOrDefault(Section.IMMIGRATION, List.of()), system.name(), code.group(1), warnings);
        Audience.Lists audience = Audience.read(sections.getOrDefault(Section.SUITABLE, List.of()), warnings);
        LocalizedText[] prospects = prospects(sections.getOrDefault(Section.PROSPECTS, List.of()), warnings);
        deadline.check();

        CareerPage page = new CareerPage(title, system.name(), code.group(1), immigration.crosswalk(),
                skilledMigration(afterCode, immigration.skilled(), warnings),
                score(afterCode, ratingScores, warnings),
                PageText.paragraphs(preamble.subList(0, summaryEnd)), aiImpact,
                Tables.salaryBands(sections.getOrDefault(Section.SALARY, List.of()), pageCurrency, warnings),
                Tables.educationPaths(sections.getOrDefault(Section.EDUCATION, List.of()), pageCurrency, warnings),
                Tables.qualifications(sections.getOrDefault(Section.QUALIFICATIONS, List.of()), warnings),
                immigration.visas(), immigration.note(), audience.suitable(), audience.notSuitable(), prospects[0], prospects[1],
                GrowthAreas.read(sections.getOrDefault(Section.GROWTH, List.of()), warnings),
                FaqReader.read(sections.getOrDefault(Section.FAQ, List.of()), warnings),
                PageText.paragraphs(sections.getOrDefault(Section.SOURCES, List.of()).stream()
                        .map(l -> PageText.isBullet(l) ? PageText.bulletText(l) : l).toList()), null);
        deadline.check();
        return new ImportResult(page, warnings);
    }

    private static CodeSystem codeSystem(String systemName, String code) {
        CodeSystem system = CodeSystem.parse(systemName).orElseThrow(() -> new PageFormatException(
                "unknown code system \"" + systemName + "\"; known: " + Arrays.stream(CodeSystem.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
        if (!system.isValidCode(code)) {
            throw new PageFormatException("\"" + code + "\" is not a valid " + system.name() + " code");
        }
        return system;
    }

    /** The last line before the code line that is not the site's header; "社區服務工作者 Community Services Worker". */
    private static LocalizedText title(List<String> before, List<ImportWarning> warnings) {
        List<String> candidates = before.stream().map(PageText::flat)
                .filter(l -> !l.equalsIgnoreCase("AI Career Graph") && !l.startsWith("←")).toList();
        if (candidates.isEmpty()) {
            throw new PageFormatException("the page has no title before its code line");
        }
        candidates.subList(0, candidates.size() - 1).forEach(l -> warnings.add(new ImportWarning("title",
                "could not place \"" + PageText.shorten(l) + "\" before the title")));
        return splitTitle(candidates.get(candidates.size() - 1));
    }

    /** zh is everything up to the last Han character, en the rest; a title in one language has only that one. */
    static LocalizedText splitTitle(String title) {
        int end = -1;
        for (int i = 0; i < title.length(); i = title.offsetByCodePoints(i, 1)) {
            if (PageText.isHan(title.codePointAt(i))) {
                end = title.offsetByCodePoints(i, 1);
            }
        }
        String zh = end < 0 ? "" : title.substring(0, end).strip();
        String en = title.substring(Math.max(end, 0)).strip();
        return new LocalizedText(zh.isEmpty() ? null : zh, en.isEmpty() ? null : en);
    }

    /** Lines grouped under their headings; rating lines are set aside (their score) and the dimension names dropped. */
    private static Map<Section, List<String>> sections(List<String> body, List<BigDecimal> ratingScores,
                                                       Deadline deadline) {
        Map<Section, List<String>> sections = new EnumMap<>(Section.class);
        Section current = Section.PREAMBLE;
        for (String line : body) {
            deadline.check();
            String text = PageText.flat(line);
            if (RATING_LINE.matcher(text).find()) {
                Matcher score = SCORE.matcher(text);
                if (score.find()) {
                    ratingScores.add(new BigDecimal(score.group(1)));
                }
                continue;
            }
            if (isRatingDimensions(text)) {
                continue;
            }
            Optional<Heading> heading = Section.heading(line);
            if (heading.isPresent()) {
                current = heading.get().section();
                List<String> content = sections.computeIfAbsent(current, s -> new ArrayList<>());
                if (!heading.get().inlineContent().isEmpty()) {
                    content.add(heading.get().inlineContent());
                }
            } else {
                sections.computeIfAbsent(current, s -> new ArrayList<>()).add(line);
            }
        }
        return sections;
    }

    private static boolean isRatingDimensions(String line) {
        String rest = WHITESPACE.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("");
        int found = 0;
        for (String dimension : RATING_DIMENSIONS) {
            if (rest.contains(dimension)) {
                rest = rest.replace(dimension, "");
                found++;
            }
        }
        return found >= FEWEST_DIMENSIONS && rest.isEmpty();
    }

    private static Boolean skilledMigration(String afterCode, Boolean fromImmigration, List<ImportWarning> warnings) {
        Matcher skilled = SKILLED.matcher(afterCode);
        Boolean fromCodeLine = !skilled.find() ? null
                : skilled.group(2) != null ? skilled.group(2).equalsIgnoreCase("skilled") : skilled.group(1) == null;
        if (fromCodeLine != null && fromImmigration != null && !fromCodeLine.equals(fromImmigration)) {
            warnings.add(new ImportWarning("skilledMigration", "the code line and the immigration section disagree"
                    + " on skilled migration; kept the code line's"));
        }
        return fromCodeLine != null ? fromCodeLine : fromImmigration;
    }

    private static BigDecimal score(String afterCode, List<BigDecimal> ratingScores, List<ImportWarning> warnings) {
        Matcher score = SCORE.matcher(afterCode);
        BigDecimal fromCodeLine = score.find() ? new BigDecimal(score.group(1)) : null;
        if (fromCodeLine != null && ratingScores.stream().anyMatch(s -> s.compareTo(fromCodeLine) != 0)) {
            warnings.add(new ImportWarning("publishedOverallScore", "the rating line shows "
                    + ratingScores.get(0).toPlainString() + " but the code line " + fromCodeLine.toPlainString()
                    + "; kept the code line's"));
        }
        return fromCodeLine != null ? fromCodeLine : ratingScores.stream().findFirst().orElse(null);
    }

    /** Career prospects, then outlook: the first and second paragraph in each language. */
    private static LocalizedText[] prospects(List<String> lines, List<ImportWarning> warnings) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        lines.stream().map(l -> PageText.isBullet(l) ? PageText.bulletText(l) : PageText.flat(l))
                .forEach(p -> (PageText.isChinese(p) ? zh : en).add(p));
        if (zh.size() > 2 || en.size() > 2) {
            warnings.add(new ImportWarning(Section.PROSPECTS.path(), "more than two paragraphs: the first was taken"
                    + " as the career prospects and the rest as the outlook"));
        }
        return new LocalizedText[] {pair(zh, en, 0, 1), pair(zh, en, 1, Integer.MAX_VALUE)};
    }

    private static LocalizedText pair(List<String> zh, List<String> en, int from, int to) {
        String zhText = zh.size() > from ? String.join("\n", zh.subList(from, Math.min(to, zh.size()))) : null;
        String enText = en.size() > from ? String.join("\n", en.subList(from, Math.min(to, en.size()))) : null;
        return zhText == null && enText == null ? null : new LocalizedText(zhText, enText);
    }
}
