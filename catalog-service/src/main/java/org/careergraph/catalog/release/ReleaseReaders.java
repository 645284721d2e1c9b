package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.page.OfficialRecord.Group;
import org.careergraph.catalog.page.OfficialRecord.JobZone;
import org.careergraph.catalog.page.OfficialRecord.Percentile;
import org.careergraph.catalog.page.OfficialRecord.Wage;
import org.careergraph.catalog.release.DelimitedFile.Row;
import org.careergraph.catalog.release.ParsedRelease.ReleaseFile;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseRecords.NemCode;
import org.careergraph.catalog.release.ReleaseRecords.OnetOccupation;
import org.careergraph.catalog.release.ReleaseRecords.ProjectedOccupation;
import org.careergraph.catalog.release.ReleaseRecords.Translation;
import org.careergraph.catalog.release.ReleaseRecords.WageRow;

/**
 * Reads each series' files in their publishers' own formats, checking every row: a file with the wrong columns, in
 * another encoding, with a code twice or a value that is neither a number nor one of the publisher's documented
 * markers is refused, naming the file, row and column. Nothing is half read.
 */
public final class ReleaseReaders {

    static final Pattern ONET_CODE = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    static final Pattern SOC_CODE = Pattern.compile("\\d{2}-\\d{4}");
    static final Pattern ANZSCO_CODE = Pattern.compile("\\d{6}");
    /** BLS top-codes wages: "#" means this much or more (OEWS May 2023 and May 2024 technical notes). */
    static final BigDecimal TOP_CODED_ANNUAL = new BigDecimal("239200");
    static final BigDecimal TOP_CODED_HOURLY = new BigDecimal("115.00");
    private static final Pattern OEWS_FILE = Pattern.compile("(?i).*_M(\\d{4})_dl.*");
    private static final Pattern ONET_README = Pattern.compile("O\\*NET (\\d+\\.\\d+) Database\\s+(\\w+) (\\d{4}) Release");
    private static final Pattern YEAR_COLUMN = Pattern.compile("Employment, (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final List<String> OEWS_GROUPS = List.of("total", "major", "minor", "broad", "detailed");
    /** What our title translations name: O*NET-SOC and ANZSCO occupations, and the groups browsed by. */
    private static final List<String> TITLE_SYSTEMS = List.of("ONET", "ANZSCO", "SOC_MAJOR", "ANZSCO_MAJOR",
            "ANZSCO_SUB_MAJOR");
    /** A plain decimal as the publishers print them: digits, an optional point; no exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ReleaseReaders() {
    }

    /**
     * Reads a release from its files (name to bytes). {@code label} and {@code releasedOn} name it; where the
     * publisher's files say it (OEWS file names, O*NET's Read Me, the projections' years) they may be left out.
     */
    public static ParsedRelease read(Series series, Map<String, byte[]> files, @Nullable String label,
                                     @Nullable String releasedOn) {
        Files named = new Files(series, files);
        Map<String, Object> records = switch (series) {
            case ONET -> onet(named);
            case OEWS -> oews(named.one());
            case PROJECTIONS -> projections(named.one());
            case CROSSWALK -> crosswalk(named.one());
            case ANZSCO -> anzsco(named.one());
            case LLM_EXPOSURE -> llmExposure(named.one());
            case AI_APPLICABILITY -> aiApplicability(named.one());
            case ZH_TITLES -> translations(named.one());
        };
        String[] name = name(series, files, label, releasedOn);
        LocalDate date;
        try {
            date = LocalDate.parse(name[1]);
        } catch (DateTimeParseException e) {
            throw ReleaseFileException.of("releasedOn", "must be a date such as 2024-05-01");
        }
        List<ReleaseFile> described = new ArrayList<>();
        files.forEach((file, bytes) -> described.add(new ReleaseFile(file, bytes.length, sha256(bytes),
                named.read.containsKey(file) ? named.read.get(file).rows().size() : 0)));
        return new ParsedRelease(series, name[0], date, described, records);
    }

    /** The release's label and date, as given or as the publisher's files say. */
    private static String[] name(Series series, Map<String, byte[]> files, @Nullable String label,
                                 @Nullable String releasedOn) {
        String inferredLabel = null;
        String inferredDate = null;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Matcher oews = OEWS_FILE.matcher(file.getKey());
            if (series == Series.OEWS && oews.matches()) {
                inferredLabel = "May " + oews.group(1);
                inferredDate = oews.group(1) + "-05-01";
            }
            if (series == Series.ONET && file.getKey().toLowerCase(Locale.ROOT).startsWith("read me")) {
                Matcher readMe = ONET_README.matcher(new String(file.getValue(), StandardCharsets.UTF_8));
                if (readMe.find()) {
                    inferredLabel = readMe.group(1);
                    inferredDate = readMe.group(3) + "-" + month(readMe.group(2)) + "-01";
                }
            }
            if (series == Series.PROJECTIONS) {
                Matcher years = YEAR_COLUMN.matcher(new String(file.getValue(), 0, Math.min(2000,
                        file.getValue().length), StandardCharsets.UTF_8));
                if (years.find()) {
                    String base = years.group(1);
                    String target = years.find() ? years.group(1) : null;
                    if (target != null) {
                        inferredLabel = base + "-" + target.substring(2);
                        inferredDate = base + "-09-01";
                    }
                }
            }
        }
        String finalLabel = label == null || label.isBlank() ? inferredLabel : label.strip();
        String finalDate = releasedOn == null || releasedOn.isBlank() ? inferredDate : releasedOn.strip();
        if (finalLabel == null || finalDate == null) {
            throw ReleaseFileException.of(finalLabel == null ? "release" : "releasedOn",
                    "cannot be told from the files: name the release (e.g. release=1.2, releasedOn=2013-06-26)");
        }
        if (finalLabel.length() > 64) {
            throw ReleaseFileException.of("release", "must be at most 64 characters");
        }
        return new String[] {finalLabel, finalDate};
    }

    private static String month(String name) {
        int index = List.of("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december").indexOf(name.toLowerCase(Locale.ROOT));
        return "%02d".formatted(index < 0 ? 1 : index + 1);
    }

    private static Map<String, Object> onet(Files files) {
        DelimitedFile occupations = files.tsv("Occupation Data").requireColumns(List.of("O*NET-SOC Code", "Title",
                "Description"));
        DelimitedFile tasks = files.tsv("Task Statements").requireColumns(List.of("O*NET-SOC Code", "Task",
                "Task Type"));
        DelimitedFile zones = files.tsv("Job Zones").requireColumns(List.of("O*NET-SOC Code", "Job Zone"));
        DelimitedFile reference = files.tsv("Job Zone Reference").requireColumns(List.of("Job Zone", "Name",
                "Experience", "Education", "Job Training"));
        DelimitedFile alternates = files.tsv("Alternate Titles").requireColumns(List.of("O*NET-SOC Code",
                "Alternate Title"));

        Map<Integer, JobZone> zoneMeanings = new HashMap<>();
        for (Row row : reference.rows()) {
            Integer zone = integer(reference, row, "Job Zone", 1, 5);
            if (zone != null) {
                zoneMeanings.put(zone, new JobZone(zone, reference.get(row, "Name"), reference.get(row, "Education"),
                        reference.get(row, "Experience"), reference.get(row, "Job Training")));
            }
        }
        reference.check();

        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        Map<String, String[]> base = new LinkedHashMap<>();
        for (Row row : occupations.rows()) {
            String code = code(occupations, row, "O*NET-SOC Code", ONET_CODE, "an O*NET-SOC code such as 15-2051.01");
            String title = occupations.required(row, "Title");
            if (code != null && title != null) {
                occupations.putUnique(base, firstRows, code, row, "O*NET-SOC Code",
                        new String[] {title, occupations.get(row, "Description")});
            }
        }
        occupations.check();

        Map<String, List<OfficialRecord.Task>> taskLists = new HashMap<>();
        for (Row row : tasks.rows()) {
            String code = known(tasks, row, base);
            String text = tasks.required(row, "Task");
            String type = tasks.get(row, "Task Type");
            if (!type.isEmpty() && !type.equals("Core") && !type.equals("Supplemental")) {
                tasks.error(row, "Task Type", "is '" + type + "': not Core, Supplemental or empty");
            }
            if (code != null && text != null) {
                taskLists.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(new OfficialRecord.Task(LocalizedText.en(text), type.equals("Core")));
            }
        }
        tasks.check();

        Map<String, JobZone> zoneOf = new HashMap<>();
        Map<String, Integer> firstZoneRows = new HashMap<>();
        for (Row row : zones.rows()) {
            String code = known(zones, row, base);
            Integer zone = integer(zones, row, "Job Zone", 1, 5);
            if (code != null && zone != null) {
                JobZone meaning = zoneMeanings.getOrDefault(zone, new JobZone(zone, null, null, null, null));
                zones.putUnique(zoneOf, firstZoneRows, code, row, "O*NET-SOC Code", meaning);
            }
        }
        zones.check();

        Map<String, List<String>> alternateTitles = new HashMap<>();
        for (Row row : alternates.rows()) {
            String code = known(alternates, row, base);
            String title = alternates.required(row, "Alternate Title");
            if (code != null && title != null) {
                alternateTitles.computeIfAbsent(code, c -> new ArrayList<>()).add(title);
            }
        }
        alternates.check();

        base.forEach((code, titleAndDescription) -> records.put(code, new OnetOccupation(code,
                titleAndDescription[0], titleAndDescription[1], taskLists.getOrDefault(code, List.of()),
                zoneOf.get(code), alternateTitles.getOrDefault(code, List.of()).stream().distinct().toList())));
        return records;
    }

    private static Map<String, Object> oews(DelimitedFile file) {
        List<String> percentiles = List.of("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90");
        List<String> columns = new ArrayList<>(List.of("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEAN",
                "H_MEAN"));
        percentiles.forEach(p -> columns.addAll(List.of("A_" + p, "H_" + p)));
        file.requireColumns(columns);
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String code = code(file, row, "OCC_CODE", SOC_CODE, "a SOC code such as 15-2051");
            String title = file.required(row, "OCC_TITLE");
            String group = file.required(row, "O_GROUP");
            if (group != null && !OEWS_GROUPS.contains(group)) {
                file.error(row, "O_GROUP", "is '" + clip(group) + "': not one of " + String.join(", ", OEWS_GROUPS));
                group = null;
            }
            Long employment = wholeNumber(file, row, "TOT_EMP");
            List<Percentile> figures = new ArrayList<>();
            int[] ranks = {10, 25, 50, 75, 90};
            for (int i = 0; i < percentiles.size(); i++) {
                Wage annual = wage(file, row, "A_" + percentiles.get(i), TOP_CODED_ANNUAL);
                Wage hourly = wage(file, row, "H_" + percentiles.get(i), TOP_CODED_HOURLY);
                if (annual != null || hourly != null) {
                    figures.add(new Percentile(ranks[i], annual, hourly));
                }
            }
            Wage annualMean = wage(file, row, "A_MEAN", TOP_CODED_ANNUAL);
            Wage hourlyMean = wage(file, row, "H_MEAN", TOP_CODED_HOURLY);
            if (code != null && title != null && group != null) {
                file.putUnique(records, firstRows, wageKey(code, group), row, "OCC_CODE", new WageRow(group,
                        new OfficialRecord.Wages(code, title, employment, annualMean, hourlyMean, figures)));
            }
        }
        file.check();
        return records;
    }

    /**
     * OEWS rows by code: an occupation's (detailed) and the total under the code alone, a group's under the code and
     * its level ("13-1020 broad"), since BLS repeats a broad group that has one occupation as a detailed row.
     */
    static String wageKey(String code, String group) {
        return group.equals("detailed") || group.equals("total") ? code : code + " " + group;
    }

    private static Map<String, Object> projections(DelimitedFile file) {
        String codeColumn = column(file, "National Employment Matrix code");
        String titleColumn = column(file, "National Employment Matrix title");
        String base = column(file, "Employment, ");
        String target = columnAfter(file, "Employment, ", base);
        String percent = column(file, "Employment change, percent");
        String openings = column(file, "Occupational openings");
        String education = column(file, "Typical education needed for entry");
        String experience = column(file, "Work experience in a related occupation");
        String training = column(file, "Typical on-the-job training");
        String type = column(file, "Occupation type");
        int baseYear = year(file, base);
        int targetYear = year(file, target);
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            if (row.cells().stream().skip(1).allMatch(String::isBlank)) {
                continue; // the table's footnotes and source line
            }
            String code = code(file, row, codeColumn, SOC_CODE, "a SOC code such as 15-2051");
            String title = file.required(row, titleColumn);
            String kind = file.required(row, type);
            BigDecimal employmentBase = decimal(file, row, base);
            BigDecimal employmentTarget = decimal(file, row, target);
            BigDecimal change = decimal(file, row, percent);
            BigDecimal annualOpenings = decimal(file, row, openings);
            if (code != null && title != null && kind != null) {
                file.putUnique(records, firstRows, code, row, codeColumn, new ProjectedOccupation(kind,
                        new OfficialRecord.Projections(code, title, baseYear, targetYear, employmentBase,
                                employmentTarget, change, annualOpenings, text(file, row, education),
                                text(file, row, experience), text(file, row, training))));
            }
        }
        file.check();
        return records;
    }

    private static Map<String, Object> crosswalk(DelimitedFile file) {
        file.requireColumns(List.of("O*NET-SOC Code", "NEM Code", "National Employment Matrix Occupational Title"));
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String code = code(file, row, "O*NET-SOC Code", ONET_CODE, "an O*NET-SOC code such as 15-2051.01");
            String nem = code(file, row, "NEM Code", SOC_CODE, "a SOC code such as 15-2051");
            String title = file.required(row, "National Employment Matrix Occupational Title");
            if (code != null && nem != null && title != null) {
                file.putUnique(records, firstRows, code, row, "O*NET-SOC Code", new NemCode(nem, title));
            }
        }
        file.check();
        return records;
    }

    private static Map<String, Object> anzsco(DelimitedFile file) {
        List<String> levels = List.of("major_group", "sub_major_group", "minor_group", "unit_group");
        List<String> columns = new ArrayList<>(List.of("anzsco_code", "occupation_title", "skill_level"));
        levels.forEach(level -> columns.addAll(List.of(level + "_code", level + "_title")));
        file.requireColumns(columns);
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String code = code(file, row, "anzsco_code", ANZSCO_CODE, "six digits");
            String title = file.required(row, "occupation_title");
            boolean retired = title != null && title.toLowerCase(Locale.ROOT).startsWith("code retired");
            Integer skillLevel = retired && file.get(row, "skill_level").isEmpty() ? null
                    : integer(file, row, "skill_level", 1, 5);
            List<Group> groups = new ArrayList<>();
            for (String level : levels) {
                String groupCode = file.get(row, level + "_code");
                String groupTitle = file.get(row, level + "_title");
                if (!groupCode.isEmpty() && !groupTitle.isEmpty()) {
                    groups.add(new Group(level.replace("_group", "").replace('_', '-'), groupCode, groupTitle));
                }
            }
            if (code != null && title != null) {
                file.putUnique(records, firstRows, code, row, "anzsco_code",
                        new AnzscoOccupation(code, title, skillLevel, retired, groups));
            }
        }
        file.check();
        return records;
    }

    private static Map<String, Object> llmExposure(DelimitedFile file) {
        List<String> ratings = List.of("dv_rating_alpha", "dv_rating_beta", "dv_rating_gamma", "human_rating_alpha",
                "human_rating_beta", "human_rating_gamma");
        List<String> columns = new ArrayList<>(List.of("O*NET-SOC Code"));
        columns.addAll(ratings);
        file.requireColumns(columns);
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String code = code(file, row, "O*NET-SOC Code", ONET_CODE, "an O*NET-SOC code such as 15-2051.01");
            BigDecimal[] values = ratings.stream().map(c -> share(file, row, c)).toArray(BigDecimal[]::new);
            if (code != null && java.util.Arrays.stream(values).allMatch(v -> v != null)) {
                file.putUnique(records, firstRows, code, row, "O*NET-SOC Code", new OfficialRecord.LlmExposure(
                        new OfficialRecord.LlmExposure.Ratings(values[0], values[1], values[2]),
                        new OfficialRecord.LlmExposure.Ratings(values[3], values[4], values[5])));
            }
        }
        file.check();
        return records;
    }

    private static Map<String, Object> aiApplicability(DelimitedFile file) {
        file.requireColumns(List.of("SOC Code", "ai_applicability_score"));
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String code = code(file, row, "SOC Code", SOC_CODE, "a SOC code such as 15-2051");
            BigDecimal score = share(file, row, "ai_applicability_score");
            if (code != null && score != null) {
                file.putUnique(records, firstRows, code, row, "SOC Code",
                        new OfficialRecord.AiApplicability(code, score));
            }
        }
        file.check();
        return records;
    }

    private static Map<String, Object> translations(DelimitedFile file) {
        file.requireColumns(List.of("system", "code", "title_en", "title_zh"));
        Map<String, Object> records = DelimitedFile.ordered();
        Map<String, Integer> firstRows = new HashMap<>();
        for (Row row : file.rows()) {
            String system = file.required(row, "system");
            String code = file.required(row, "code");
            if (system != null && !TITLE_SYSTEMS.contains(system)) {
                file.error(row, "system", "is '" + clip(system) + "': not one of " + String.join(", ", TITLE_SYSTEMS));
                system = null;
            }
            if (code != null && !code.matches("[0-9.-]{1,16}")) {
                file.error(row, "code", "is '" + clip(code) + "': not a code");
                code = null;
            }
            String titleEn = file.required(row, "title_en");
            String titleZh = file.required(row, "title_zh");
            if (titleZh != null && titleZh.codePoints().noneMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                file.error(row, "title_zh", "has no Chinese characters");
            }
            if (system != null && code != null && titleEn != null && titleZh != null) {
                file.putUnique(records, firstRows, system + ":" + code, row, "code",
                        new Translation(system, code, titleEn, titleZh));
            }
        }
        file.check();
        return records;
    }

    // --- cells ---

    private static @Nullable String code(DelimitedFile file, Row row, String column, Pattern shape, String what) {
        String value = file.required(row, column);
        if (value != null && !shape.matcher(value).matches()) {
            file.error(row, column, "is '" + clip(value) + "': not " + what);
            return null;
        }
        return value;
    }

    /** A code that the release's occupation file lists. */
    private static @Nullable String known(DelimitedFile file, Row row, Map<String, ?> occupations) {
        String code = code(file, row, "O*NET-SOC Code", ONET_CODE, "an O*NET-SOC code such as 15-2051.01");
        if (code != null && !occupations.containsKey(code)) {
            file.error(row, "O*NET-SOC Code", "is " + code + ", which Occupation Data does not list");
            return null;
        }
        return code;
    }

    private static @Nullable Integer integer(DelimitedFile file, Row row, String column, int min, int max) {
        String value = file.required(row, column);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        file.error(row, column, "is '" + clip(value) + "': not a whole number from " + min + " to " + max);
        return null;
    }

    /** OEWS employment: a number, or "**" / "*" where BLS publishes none. */
    private static @Nullable Long wholeNumber(DelimitedFile file, Row row, String column) {
        String value = file.get(row, column).replace(",", "");
        if (value.isEmpty() || value.equals("*") || value.equals("**")) {
            return null;
        }
        if (value.matches("\\d{1,15}")) {
            return Long.parseLong(value);
        }
        file.error(row, column, "is '" + clip(value) + "': not a whole number, '*' or '**' (not available)");
        return null;
    }

    /** OEWS wages: a number, "#" (at least the top-coded amount) or "*" (not available). */
    private static @Nullable Wage wage(DelimitedFile file, Row row, String column, BigDecimal topCoded) {
        String value = file.get(row, column).replace(",", "");
        if (value.isEmpty() || value.equals("*") || value.equals("**")) {
            return null;
        }
        if (value.equals("#")) {
            return new Wage(topCoded, true);
        }
        try {
            if (!PLAIN_NUMBER.matcher(value).matches()) {
                throw new NumberFormatException(value);
            }
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 10) {
                return new Wage(amount, false);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        file.error(row, column, "is '" + clip(value) + "': not an amount, '#' (at least " + topCoded.toPlainString()
                + ") or '*' (not available)");
        return null;
    }

    /** A decimal, or "—" (an em dash: none) as the projections tables print it. */
    private static @Nullable BigDecimal decimal(DelimitedFile file, Row row, String column) {
        String value = file.get(row, column).replace(",", "");
        if (value.isEmpty() || value.equals("—") || value.equals("-")) {
            return null;
        }
        try {
            if (!PLAIN_NUMBER.matcher(value).matches()) {
                throw new NumberFormatException(value);
            }
            BigDecimal number = new BigDecimal(value);
            if (number.precision() - number.scale() <= 10) {
                return number.setScale(Math.min(2, Math.max(0, number.scale())), RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        file.error(row, column, "is '" + clip(value) + "': not a number or '—'");
        return null;
    }

    /** A share from 0 to 1, kept to six decimals. */
    private static @Nullable BigDecimal share(DelimitedFile file, Row row, String column) {
        String value = file.required(row, column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() >= 0 && number.compareTo(BigDecimal.ONE) <= 0) {
                return number.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        file.error(row, column, "is '" + clip(value) + "': not a number from 0 to 1");
        return null;
    }

    private static @Nullable String text(DelimitedFile file, Row row, String column) {
        String value = file.get(row, column);
        return value.isEmpty() || value.equals("—") ? null : value;
    }

    /** The year a header names ("Employment, 2032"), or the file is refused naming the header. */
    private static int year(DelimitedFile file, String header) {
        Matcher year = YEAR.matcher(header.substring(header.indexOf(',')));
        if (!year.find()) {
            throw ReleaseFileException.of(file.name() + ", row 1", "column '" + header + "' names no year");
        }
        return Integer.parseInt(year.group(1));
    }

    /** The header that holds {@code prefix}: the projections' long headers carry years and footnotes. */
    private static String column(DelimitedFile file, String prefix) {
        return columnAfter(file, prefix, null);
    }

    private static String columnAfter(DelimitedFile file, String prefix, @Nullable String after) {
        boolean past = after == null;
        for (String name : file.header()) {
            if (past && name.strip().contains(prefix)) {
                return name.strip();
            }
            past = past || name.strip().equals(after);
        }
        throw ReleaseFileException.of(file.name() + ", row 1", "lacks a column named like '" + prefix
                + "' (its columns: " + String.join(", ", file.header()) + ")");
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uploaded files, matched to the ones the series needs by the words their names start with. */
    private static final class Files {
        private final Series series;
        private final Map<String, byte[]> files;
        private final Map<String, DelimitedFile> read = new LinkedHashMap<>();

        Files(Series series, Map<String, byte[]> files) {
            this.series = series;
            this.files = files;
            if (files.isEmpty()) {
                throw ReleaseFileException.of("files", "none given: " + series.title() + " needs "
                        + String.join(", ", series.files()));
            }
        }

        DelimitedFile one() {
            List<String> data = files.keySet().stream().filter(n -> !isNotice(n)).toList();
            if (data.size() != 1) {
                throw ReleaseFileException.of("files", series.title() + " comes in one data file, not "
                        + data.size() + " (" + String.join(", ", data) + ")");
            }
            String name = data.get(0);
            DelimitedFile file = name.toLowerCase(Locale.ROOT).endsWith(".tsv") || name.endsWith(".txt")
                    ? DelimitedFile.tsv(name, files.get(name)) : DelimitedFile.csv(name, files.get(name));
            read.put(name, file);
            return file;
        }

        DelimitedFile tsv(String table) {
            String name = files.keySet().stream()
                    .filter(n -> baseName(n).equalsIgnoreCase(table)).findFirst()
                    .orElseThrow(() -> ReleaseFileException.of("files", series.title() + " needs the file '" + table
                            + ".txt' (or .tsv); given: " + String.join(", ", files.keySet())));
            DelimitedFile file = DelimitedFile.tsv(name, files.get(name));
            read.put(name, file);
            return file;
        }

        private static String baseName(String name) {
            int dot = name.lastIndexOf('.');
            return (dot < 0 ? name : name.substring(0, dot)).strip();
        }

        /** Licences, notices and read-me files travel with a release but hold no data. */
        private static boolean isNotice(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.contains("license") || lower.contains("licence") || lower.contains("notice")
                    || lower.startsWith("read me") || lower.startsWith("readme");
        }
    }
}
