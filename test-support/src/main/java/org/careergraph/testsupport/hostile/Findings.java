package org.careergraph.testsupport.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the walk found: every failure, grouped by what was wrong when reported. */
public final class Findings {

    /** Caps the message: enough to see every cause, short enough to read. */
    static final int MAX_PER_PROBLEM = 30;

    /** One wrong answer. {@code problem} is its class (e.g. "5xx"); {@code detail} says more. */
    public record Finding(String route, String identity, String input, int status, String problem, String detail) {

        String line() {
            return route + "  [" + identity + "]  " + input + "  -> " + (status < 0 ? "no answer" : status)
                    + (detail.isEmpty() ? "" : "  (" + detail + ")");
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int requests;
    private int routes;

    synchronized void add(Finding finding) {
        findings.add(finding);
    }

    void note(String note) {
        notes.add(note);
    }

    void counted(int routes, int requests) {
        this.routes = routes;
        this.requests = requests;
    }

    public List<Finding> all() {
        return List.copyOf(findings);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public int requests() {
        return requests;
    }

    public int routes() {
        return routes;
    }

    /** Fails with the readable list when anything was found. */
    public void assertNone() {
        if (!findings.isEmpty()) {
            throw new AssertionError(report());
        }
    }

    /**
     * The findings grouped by problem, then by input (the routes it failed on, one example's detail), capped per
     * problem: one line per cause, readable in a test report.
     */
    public String report() {
        StringBuilder out = new StringBuilder(header());
        byProblem().forEach((problem, list) -> {
            out.append("\n== ").append(problem).append(": ").append(list.size()).append('\n');
            Map<String, List<Finding>> byInput = list.stream().collect(Collectors.groupingBy(Finding::input,
                    LinkedHashMap::new, Collectors.toList()));
            byInput.entrySet().stream().limit(MAX_PER_PROBLEM).forEach(e -> {
                List<Finding> same = e.getValue();
                Finding first = same.get(0);
                String statuses = same.stream().map(f -> f.status() < 0 ? "no answer" : String.valueOf(f.status()))
                        .distinct().collect(Collectors.joining("/"));
                List<String> routes = same.stream().map(f -> f.route() + (same.stream().filter(g -> g.route()
                        .equals(f.route())).count() > 1 ? "" : " [" + f.identity() + "]")).distinct().toList();
                out.append("  ").append(e.getKey()).append("  -> ").append(statuses).append("  on ")
                        .append(String.join(", ", routes.stream().limit(6).toList()))
                        .append(routes.size() > 6 ? " and " + (routes.size() - 6) + " more routes" : "")
                        .append(first.detail().isEmpty() ? "" : "\n      e.g. " + first.detail()).append('\n');
            });
            if (byInput.size() > MAX_PER_PROBLEM) {
                out.append("  ... and ").append(byInput.size() - MAX_PER_PROBLEM).append(" more inputs\n");
            }
        });
        appendNotes(out);
        return out.toString();
    }

    /** Every finding on its own line, uncapped: for a file next to the test report. */
    public String fullReport() {
        StringBuilder out = new StringBuilder(header());
        byProblem().forEach((problem, list) -> {
            out.append("\n== ").append(problem).append(": ").append(list.size()).append('\n');
            list.stream().sorted(java.util.Comparator.comparing(Finding::route))
                    .forEach(f -> out.append("  ").append(f.line()).append('\n'));
        });
        appendNotes(out);
        return out.toString();
    }

    private String header() {
        return findings.size() + " hostile-input findings on " + findings.stream().map(Finding::route).distinct()
                .count() + " of " + routes + " routes (" + requests + " requests)\n";
    }

    private Map<String, List<Finding>> byProblem() {
        return findings.stream().collect(Collectors.groupingBy(Finding::problem, LinkedHashMap::new,
                Collectors.toList()));
    }

    private void appendNotes(StringBuilder out) {
        if (!notes.isEmpty()) {
            out.append("\nNotes (not failures):\n");
            notes.forEach(n -> out.append("  ").append(n).append('\n'));
        }
    }
}
