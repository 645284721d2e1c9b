package org.careergraph.deploy.browser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One axe-core rule that failed on a page, with the elements that failed it.
 *
 * @param id      the axe rule id, such as {@code image-alt}, {@code label} or {@code color-contrast}
 * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
 * @param help    what the rule asks for, in one line
 * @param helpUrl Deque's page about the rule
 * @param nodes   the failing elements
 */
public record AccessibilityViolation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    public AccessibilityViolation {
        nodes = List.copyOf(nodes);
    }

    /**
     * One failing element.
     *
     * @param target  the CSS selector axe gives for it (inside frames or shadow roots: the selectors joined by " >> ")
     * @param html    the start of its HTML, as axe reports it
     * @param summary axe's explanation of why it fails (for color-contrast: the measured ratio and colours)
     */
    public record Node(String target, String html, String summary) {
    }

    /** The CSS selectors of the failing elements. */
    public List<String> targets() {
        return nodes.stream().map(Node::target).toList();
    }

    /** {@code true} when the impact is serious or critical. */
    public boolean isSeriousOrCritical() {
        return "serious".equals(impact) || "critical".equals(impact);
    }

    /** Several readable lines: the rule, then each failing element with its HTML and axe's explanation. */
    public String describe() {
        String elements = nodes.stream()
                .map(node -> "      " + node.target() + "  " + oneLine(node.html(), 160)
                        + (node.summary().isBlank() ? "" : "\n        " + summaryLine(node.summary())))
                .collect(Collectors.joining("\n"));
        return "  - " + id + " [" + impact + "] " + help + " (" + helpUrl + ")\n" + elements;
    }

    @Override
    public String toString() {
        return id + " [" + impact + "] " + help + " at " + targets();
    }

    /** axe's "Fix any of the following:\n  reason\n  reason" as "Fix any of the following: reason; reason". */
    private static String summaryLine(String summary) {
        String[] lines = summary.strip().split("\\s*\n\\s*");
        StringBuilder line = new StringBuilder();
        for (String part : lines) {
            if (!line.isEmpty()) {
                line.append(line.charAt(line.length() - 1) == ':' ? " " : "; ");
            }
            line.append(part);
        }
        return oneLine(line.toString(), 400);
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
