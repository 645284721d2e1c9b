package org.careergraph.web.career;

/**
 * How wide a line of chart text will be, estimated on the server (the charts carry no script that could measure
 * it): so that a chart can make room for its longest label, in English or in Chinese, instead of cutting it off.
 *
 * <p>The widths per character are those of DejaVu Sans (what {@code system-ui} is on a Linux without other fonts,
 * and one of the widest sans-serif faces) rounded up, with Han characters and full-width forms one em wide. A
 * narrower font (Noto Sans, Segoe UI, San Francisco) leaves some room over.
 */
final class TextWidth {

    /** The font size of the charts' text (site.css: {@code .chart .label, .chart .value, .chart .tick}). */
    static final double CHART_FONT = 13;

    private static final String NARROW = "fijlrtI.,:;'!|()[]{}-/ ";

    private TextWidth() {
    }

    /** The width in px of {@code text} at {@code fontSize} px. */
    static double of(String text, double fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            ems += ems(c);
            i += Character.charCount(c);
        }
        return ems * fontSize;
    }

    /** The width in px of {@code text} in the charts' font. */
    static double chart(String text) {
        return of(text, CHART_FONT);
    }

    private static double ems(int c) {
        if (wide(c)) {
            return 1.0;
        }
        if (c == ' ') {
            return 0.32;
        }
        if (c < 128 && NARROW.indexOf(c) >= 0) {
            return 0.42;
        }
        if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%' || c == '@') {
            return 1.0;
        }
        if (Character.isDigit(c)) {
            return 0.64;
        }
        if (Character.isLowerCase(c)) {
            return 0.64;
        }
        if (Character.isUpperCase(c)) {
            return 0.8;
        }
        return 0.84; // symbols and other scripts: '≥', '–', '$', accented capitals
    }

    /** Han, kana, Hangul, CJK punctuation and full-width forms: one em each. */
    static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
    }
}
