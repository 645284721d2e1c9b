package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every pattern of the importer stays linear in the line it reads: fed the worst lines that can be made from its
 * own words and the characters that make patterns backtrack, at the line limit, the characters it reads (counted,
 * not timed) grow in proportion to the line and stay a small multiple of it. The patterns are found by reflection,
 * so a new one is held to this without editing the test.
 */
class PatternCostTest {

    /** Characters read per character of the line: alternations of some dozens of words read that many. */
    private static final int MOST_READS_PER_CHAR = 120;
    /** Doubling the line may at most (a little more than) double the work. */
    private static final double MOST_GROWTH = 2.3;
    private static final int LONG = PageImporter.MAX_LINE_CHARS;
    private static final List<String> UNITS = List.of(" ", "  ", "\t", " \t ", "1", "12", "1,", "1.", ".1", "$", "$1",
            "$1 ", "$1,0", "1-", "1 -", "-", "---", "|", "| ", " |", "|---", "(", ")", "（", "1(", "1)", ":", "：", ": ",
            "a", "A", "aA", "a ", "a:", "年", "1年", "1 years ", "1 year", "1+", "職業代碼", "職業代碼:", "職業代碼 1(",
            "occupation code ", "occupation code 1(", "occupation code:", "overall 1", "總體1", "總體 1 /", "tool ",
            "tool partial ", "Tool Partial 2022 ", "ai ", "ai將", "**", "Q:", "問:", "A:", "✓", "✗", "•", "- ", "•  ",
            "、", "/ ", " / ", "none", "n/a", "required ", "可選", "NZ$1 ", "US", "k", "1k", "~", "至", "\u0085",
            "\u200B", "LinkedI", "Linked", "LinkedIn");

    @Test
    void everyPatternReadsALineInLinearTime() {
        Map<String, Pattern> patterns = importerPatterns();
        assertTrue(patterns.size() >= 30, "found the importer's patterns: " + patterns.keySet());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Pattern> named : patterns.entrySet()) {
            Pattern pattern = named.getValue();
            for (String unit : units(pattern)) {
                for (String tail : List.of("", "x", ")")) {
                    long full = worstReads(pattern, line(unit, tail, LONG));
                    // The growth is worth measuring only where the work is more than a few reads a character.
                    long half = full > 4L * LONG ? worstReads(pattern, line(unit, tail, LONG / 2)) : full;
                    if (full > (long) MOST_READS_PER_CHAR * LONG || full > 4L * LONG && full > MOST_GROWTH * half) {
                        failures.add(named.getKey() + " on \"" + unit + "\" * n + \"" + tail + "\": " + half
                                + " reads at " + LONG / 2 + " characters, " + full + " at " + LONG);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theCountCatchesTheBacktrackingPatternsThisReplaced() {
        // The measure itself, on what the importer used before: runs of spaces tried at every length when lines were
        // cleaned, the code line's system tried at every length between two runs of spaces, and a duration looked
        // for from every digit of a run.
        Map<Pattern, String> before = Map.of(
                Pattern.compile(" *\\t[\\t ]*"), " ".repeat(LONG),
                Pattern.compile("(?:職業代碼|occupation code)\\s*[:：]?\\s*([^\\s(（]+)\\s*[(（]\\s*([^)）]*?)\\s*[)）]",
                        Pattern.CASE_INSENSITIVE), "職業代碼:".repeat(LONG / 5),
                Pattern.compile("^(.*?)\\s*(\\d+(?:\\.\\d+)?\\s*(?:[-–~至到]\\s*\\d+(?:\\.\\d+)?\\s*)?\\+?\\s*(?:年|years?))$"),
                "1".repeat(LONG));
        before.forEach((pattern, line) -> assertTrue(worstReads(pattern, line) > (long) MOST_READS_PER_CHAR * LONG,
                pattern.pattern()));
    }

    /** A line as the patterns see it: the unit repeated to the length, then the tail, cleaned as every line is. */
    private static String line(String unit, String tail, int length) {
        StringBuilder line = new StringBuilder(length + tail.length());
        while (line.length() + unit.length() <= length) {
            line.append(unit);
        }
        return PageText.cleanLine(line.append(tail).toString());
    }

    /** The characters read by a find over the whole line (as split, replaceAll and find use it) or a whole match. */
    private static long worstReads(Pattern pattern, String line) {
        CountingText text = new CountingText(line);
        Matcher finding = pattern.matcher(text);
        while (finding.find()) {
            if (finding.end() == finding.start() && finding.end() >= line.length()) {
                break;
            }
        }
        long finds = text.reads;
        text.reads = 0;
        pattern.matcher(text).matches();
        return Math.max(finds, text.reads);
    }

    /** The shared units and the pattern's own words (its literal runs), each alone and after a space. */
    private static Set<String> units(Pattern pattern) {
        Set<String> units = new LinkedHashSet<>(UNITS);
        for (String word : pattern.pattern().split("[\\\\()\\[\\]{}|?*+.^$:=!<>,\\-]+")) {
            if (!word.isBlank() && word.length() <= 20) {
                units.add(word);
                units.add(word + " ");
                units.add(word + "1");
            }
        }
        return units;
    }

    /** Every Pattern held by a class of the importer's package: static fields, and each enum constant's fields. */
    private static Map<String, Pattern> importerPatterns() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        File directory;
        try {
            directory = new File(PageImporter.class.getResource("PageImporter.class").toURI()).getParentFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (File file : directory.listFiles((d, name) -> name.endsWith(".class"))) {
            String name = PageImporter.class.getPackageName() + "." + file.getName().replace(".class", "");
            try {
                Class<?> type = Class.forName(name);
                for (Field field : type.getDeclaredFields()) {
                    field.setAccessible(true);
                    if (Modifier.isStatic(field.getModifiers())) {
                        collect(type.getSimpleName() + "." + field.getName(), field.get(null), patterns);
                    }
                }
                for (Object constant : type.isEnum() ? type.getEnumConstants() : new Object[0]) {
                    for (Field field : type.getDeclaredFields()) {
                        field.setAccessible(true);
                        if (!Modifier.isStatic(field.getModifiers())) {
                            collect(type.getSimpleName() + "." + constant + "." + field.getName(),
                                    field.get(constant), patterns);
                        }
                    }
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException(name, e);
            }
        }
        return patterns;
    }

    private static void collect(String name, Object value, Map<String, Pattern> patterns) {
        if (value instanceof Pattern pattern) {
            patterns.put(name, pattern);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(name + "[" + i + "]", list.get(i), patterns);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> collect(name + "." + key, inner, patterns));
        }
    }

    /** A line that counts how many characters a matcher reads. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
