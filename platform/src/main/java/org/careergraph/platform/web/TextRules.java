package org.careergraph.platform.web;

import java.util.Optional;

/**
 * What text a request may carry, wherever it comes from (a JSON string, a query or path value): no NUL or other
 * control character, no lone surrogate (half of a character the database would store as "?"), and no line break
 * or tab where one line is meant (as the web front's forms read it). Tabs are text elsewhere.
 */
public final class TextRules {

    private TextRules() {
    }

    /** What is wrong with this text, in the caller's terms; empty when nothing is. */
    public static Optional<String> problem(String text, boolean oneLine) {
        return problem(text, oneLine, false);
    }

    /**
     * What is wrong with a value decoded from a URL (a query or path value): one line, and percent-encoded bytes
     * that are not UTF-8 (decoded as the replacement character) are refused too.
     */
    public static Optional<String> urlValueProblem(String text) {
        return problem(text, true, true);
    }

    private static Optional<String> problem(String text, boolean oneLine, boolean fromUrl) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains half of a character (a lone surrogate at position " + i + ")");
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (oneLine) {
                    return Optional.of(c == '\t' ? "must be one line, without tabs"
                            : "must be one line, without line breaks");
                }
            } else if (c == 0) {
                return Optional.of("contains a NUL character at position " + i);
            } else if (Character.getType(c) == Character.CONTROL && c != '\t') {
                return Optional.of("contains the control character U+%04X at position %d".formatted((int) c, i));
            } else if (fromUrl && c == '\uFFFD') {
                return Optional.of("contains bytes that are not UTF-8 (a replacement character at position " + i + ")");
            }
        }
        return Optional.empty();
    }
}
