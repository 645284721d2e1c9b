package org.careergraph.catalog.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.LocalizedText;

/**
 * Line helpers shared by the section readers: whitespace, bullets, languages, table cells, run-together fields.
 *
 * <p>Every pattern of the importer runs on the lines {@link #lines} gives, in which no two whitespace characters
 * follow each other; and each is written so that its work grows linearly with the line (possessive quantifiers
 * where a run could otherwise be tried at every length, bounded ones where a token is short by nature, no two
 * adjacent quantifiers that can take the same characters). PatternCostTest holds every one of them to that.
 */
final class PageText {

    private static final Pattern BULLET = Pattern.compile("^(?:[•●▪◦‣·]|[-*](?=\\s|$))\\s*+");
    /** One whitespace character at most before the separator: lines hold no two in a row. */
    private static final Pattern CELL_SEPARATOR = Pattern.compile("\\s?[|\\t]\\s*+");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile(
            "\\|?\\s*+:?-{3,}+:?\\s*+(?:\\|\\s*+:?-{3,}+:?\\s*+)*+\\|?");
    private static final int SHORT = 60;

    private PageText() {
    }

    /**
     * The page's non-blank lines, stripped, with every kind of space made a plain one and runs of spaces collapsed.
     * Tabs survive (as one tab per run) because a tab-separated row is a table row.
     */
    static List<String> lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').lines().map(PageText::cleanLine)
                .filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Zero-width characters dropped, every space a plain one, and each run of spaces and tabs made one character:
     * a tab if the run has one, else a space. One pass, no pattern (the pattern this replaced tried every run of
     * spaces at every length).
     */
    static String cleanLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int runStart = -1;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
                continue;
            }
            boolean tab = c == '\t';
            if (tab || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (runStart < 0) {
                    runStart = out.length();
                    out.append(tab ? '\t' : ' ');
                } else if (tab) {
                    out.setCharAt(runStart, '\t');
                }
            } else {
                runStart = -1;
                out.appendCodePoint(c);
            }
        }
        return out.toString().strip();
    }

    /** The line as running text: tabs are just spaces there. */
    static String flat(String line) {
        return line.replace('\t', ' ');
    }

    static boolean isBullet(String line) {
        return BULLET.matcher(line).find() && !line.startsWith("|");
    }

    static String bulletText(String line) {
        return flat(BULLET.matcher(line).replaceFirst("")).strip();
    }

    /** Chinese when Han characters carry the text; an English sentence naming one Chinese term stays English. */
    static boolean isChinese(String text) {
        long han = text.codePoints().filter(PageText::isHan).count();
        long latin = text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        return han > 0 && han * 3 >= latin;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static LocalizedText localized(String text) {
        return isChinese(text) ? LocalizedText.zh(text) : LocalizedText.en(text);
    }

    /** Paragraphs gathered per language: Chinese ones into zh, the others into en; null when there are none. */
    static LocalizedText paragraphs(List<String> paragraphs) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        paragraphs.stream().map(PageText::flat).forEach(p -> (isChinese(p) ? zh : en).add(p));
        if (zh.isEmpty() && en.isEmpty()) {
            return null;
        }
        return new LocalizedText(zh.isEmpty() ? null : String.join("\n", zh),
                en.isEmpty() ? null : String.join("\n", en));
    }

    /** A table row's cells: split at '|' or tabs, outer empty cells dropped; a plain row is one cell. */
    static List<String> cells(String line) {
        String row = line.strip();
        if (row.startsWith("|")) {
            row = row.substring(1);
        }
        if (row.endsWith("|")) {
            row = row.substring(0, row.length() - 1);
        }
        List<String> cells = new ArrayList<>(Arrays.asList(CELL_SEPARATOR.split(row.strip(), -1)));
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    static boolean isTableSeparator(String line) {
        return TABLE_SEPARATOR.matcher(line).matches();
    }

    /**
     * Where a second field starts in text whose fields were run together without a space, e.g. "Registration|Social
     * Work Board", "(SWRB)|可選" or "6.5|IDP": an upper-case letter right after a lower-case word or a closing
     * parenthesis, a word right after a digit (but not "H-1B"), or a change between Han and Latin script. -1 when
     * there is none at or after {@code from}.
     */
    static int fieldBoundary(String text, int from) {
        for (int i = Math.max(from, 1); i < text.length(); i++) {
            char c = text.charAt(i);
            char before = text.charAt(i - 1);
            boolean startsWord = i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            boolean upperAfterWord = Character.isUpperCase(c) && (Character.isDigit(before) && startsWord
                    || before == ')'
                    || Character.isLowerCase(before) && i >= 2 && Character.isLowerCase(text.charAt(i - 2)));
            boolean scriptChange = Character.isLetter(c) && Character.isLetter(before) && isHan(c) != isHan(before);
            boolean hanAfterLatinClose = isHan(c) && (before == ')' || before == '.');
            if (upperAfterWord || scriptChange || hanAfterLatinClose) {
                return i;
            }
        }
        return -1;
    }

    static String shorten(String text) {
        String flat = flat(text);
        return flat.length() <= SHORT ? flat : flat.substring(0, SHORT) + "…";
    }
}
