package org.careergraph.testsupport.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the benchmarks' figures go. Each benchmark writes its part ({@code parts/<benchmark>.json} and {@code .md});
 * after every part the whole report is written again from all the parts: {@code results.json} (the machine, the form,
 * every figure) and {@code results.md} (one table), and the table is printed. The benchmarks run in several modules'
 * JVMs, one after another; the last one's print is the whole table.
 *
 * <p>The directory is the system property {@code bench.dir} (the build passes the root's {@code target/bench} for the
 * full form, {@code target/bench-smoke} for the smoke form), else {@code target/bench} under the working directory.
 */
public final class BenchReport {

    private static final Pattern MEASURED_AT = Pattern.compile("\"measuredAt\": \"([^\"]+)\"");

    private BenchReport() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("bench.dir",
                BenchForm.current().isFull() ? "target/bench" : "target/bench-smoke")).toAbsolutePath().normalize();
    }

    /**
     * Records one benchmark's figures and rewrites the report.
     *
     * @param benchmark a short name, unique across the project, e.g. {@code catalog-read}
     * @param what      one sentence: what the benchmark does and with what sizes
     * @param figures   its figures, each with its baseline
     * @return the report's Markdown, as printed
     */
    public static synchronized String write(String benchmark, String what, List<Figure> figures) {
        Path parts = directory().resolve("parts");
        try {
            Files.createDirectories(parts);
            Files.writeString(parts.resolve(benchmark + ".json"), partJson(benchmark, what, figures),
                    StandardCharsets.UTF_8);
            Files.writeString(parts.resolve(benchmark + ".md"), partRows(benchmark, figures), StandardCharsets.UTF_8);
            List<Path> written;
            try (Stream<Path> files = Files.list(parts)) {
                written = files.sorted().toList();
            }
            StringBuilder json = new StringBuilder("{\n  \"machine\": ").append(machineJson())
                    .append(",\n  \"form\": \"").append(BenchForm.current().name().toLowerCase()).append('"')
                    .append(",\n  \"benchmarks\": [\n");
            StringBuilder rows = new StringBuilder();
            List<String> measured = new ArrayList<>();
            String separator = "";
            for (Path part : written) {
                String text = Files.readString(part, StandardCharsets.UTF_8);
                if (part.toString().endsWith(".json")) {
                    json.append(separator).append(text);
                    separator = ",\n";
                    // A part left by an earlier run stays in the table: each says when it was measured.
                    Matcher at = MEASURED_AT.matcher(text);
                    measured.add(part.getFileName().toString().replace(".json", "") + " "
                            + (at.find() ? at.group(1) : "at an unknown time"));
                } else {
                    rows.append(text);
                }
            }
            StringBuilder table = new StringBuilder("Benchmarks, ").append(BenchForm.current().name().toLowerCase())
                    .append(" form, on ").append(machineLine()).append("; measured: ")
                    .append(String.join(", ", measured)).append("\n\n")
                    .append("| benchmark | figure | value | baseline (same run) | baseline value | **ratio** | goal "
                            + "| met | note |\n|---|---|---:|---|---:|---:|---|---|---|\n").append(rows);
            json.append("\n  ]\n}\n");
            Files.writeString(directory().resolve("results.json"), json, StandardCharsets.UTF_8);
            Files.writeString(directory().resolve("results.md"), table, StandardCharsets.UTF_8);
            System.out.println("\n" + table);
            return table.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String partJson(String benchmark, String what, List<Figure> figures) {
        StringBuilder json = new StringBuilder("    {\"benchmark\": ").append(quote(benchmark))
                .append(", \"what\": ").append(quote(what)).append(", \"measuredAt\": ")
                .append(quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(", \"figures\": [");
        String separator = "\n";
        for (Figure f : figures) {
            json.append(separator).append("      {\"name\": ").append(quote(f.name()))
                    .append(", \"value\": ").append(number(f.value())).append(", \"unit\": ").append(quote(f.unit()))
                    .append(", \"baseline\": ").append(quote(f.baseline()))
                    .append(", \"baselineValue\": ").append(number(f.baselineValue()))
                    .append(", \"baselineUnit\": ").append(quote(f.baselineUnit()))
                    .append(", \"ratio\": ").append(number(f.ratio()))
                    .append(", \"goal\": ").append(f.goal() == null ? "null" : quote(f.goal().describe(f.unit())))
                    .append(", \"met\": ").append(f.goal() == null ? "null" : f.met())
                    .append(", \"note\": ").append(quote(f.note())).append('}');
            separator = ",\n";
        }
        return json.append("\n    ]}").toString();
    }

    private static String partRows(String benchmark, List<Figure> figures) {
        StringBuilder rows = new StringBuilder();
        for (Figure f : figures) {
            rows.append("| ").append(benchmark).append(" | ").append(cell(f.name()))
                    .append(" | ").append(Figure.format(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(cell(f.baseline()))
                    .append(" | ").append(Figure.format(f.baselineValue())).append(' ').append(f.baselineUnit())
                    .append(" | **").append(Figure.format(f.ratio())).append("**")
                    .append(" | ").append(f.goal() == null ? "" : f.goal().describe(f.unit()))
                    .append(" | ").append(f.goal() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" | ").append(cell(f.note())).append(" |\n");
        }
        return rows.toString();
    }

    /** The machine the figures were measured on, as the report's header line says it. */
    public static String machineLine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores (" + cpuModel() + "), "
                + Math.round(totalMemory() / (1024.0 * 1024 * 1024)) + " GiB, " + System.getProperty("java.vm.name")
                + " " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", " + Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    private static String machineJson() {
        return "{\"cores\": " + Runtime.getRuntime().availableProcessors() + ", \"cpu\": " + quote(cpuModel())
                + ", \"memoryBytes\": " + totalMemory() + ", \"jvm\": "
                + quote(System.getProperty("java.vm.name") + " " + Runtime.version()) + ", \"os\": "
                + quote(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch")) + ", \"writtenAt\": "
                + quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()) + "}";
    }

    private static long totalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.valueOf(value) : "null";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
