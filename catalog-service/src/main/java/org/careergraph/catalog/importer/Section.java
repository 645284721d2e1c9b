package org.careergraph.catalog.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a career page, each recognised by its heading in Chinese or English. {@link #path()} names the page
 * field a warning concerns.
 */
enum Section {
    PREAMBLE("summary"),
    AI_ERA("aiImpact", "in the ai era\\b.*", "ai\\s*時代.{0,24}"),
    TOOLS("aiImpact.tools", "ai already replacing.*", "(已在|正在)?取代.{0,12}的\\s*ai.*", "ai\\s*(已在|正在)取代.*"),
    TAKEN_OVER("aiImpact.tasksTakenOver", "tasks ai will (take over|replace).*", "ai\\s*將(接管|取代).{0,12}"),
    AUGMENTED("aiImpact.tasksAugmented", "tasks ai will augment.*", "ai\\s*將增強.{0,12}"),
    MOAT("aiImpact.humanMoat", "human moat.*", "人類護城河.*", "人的護城河.*"),
    SKILLS("aiImpact.skillsToBuild", "skills to build.*", "(未來\\s*5\\s*年)?(需要|應)?培養的技能.*", "技能提升.*"),
    ENTRY_LEVEL("aiImpact.entryLevelOutlook", "entry[- ]level outlook.*", "入門(崗位)?前景"),
    LEVEL_UP("aiImpact.levelUp", "how to level up.*", "如何(在\\s*ai\\s*時代)?(升級|晉升).*"),
    SALARY("salaryBands", "薪資", "薪酬", "salary", "salaries", "salary ranges?", "pay"),
    EDUCATION("educationPaths", "教育路徑", "教育", "education", "education (paths?|pathways?)"),
    QUALIFICATIONS("qualifications", "資格", "資格認證", "證照", "qualifications", "certifications", "licen[cs]es"),
    IMMIGRATION("visaPathways", "移民", "immigration", "visas?", "immigration pathways?"),
    SUITABLE("suitableFor", "適合對象", "適合人群", "who (it|this) suits", "who is it for", "who it'?s for", "suitability"),
    PROSPECTS("careerProspects", "職業前景", "職業發展", "career (prospects|outlook)", "prospects", "outlook"),
    GROWTH("growthAreas", "成長領域", "增長領域", "growth (areas|sectors)"),
    FAQ("faq", "常見問題", "faqs?", "frequently asked questions"),
    SOURCES("dataSources", "數據來源", "資料來源", "data sources", "sources");

    /** Headings are short; a longer line that happens to start like one is text. */
    private static final int LONGEST_HEADING = 90;
    private static final Pattern DECORATION = Pattern.compile("^[^\\p{L}\\p{N}(]+");
    // Headings are at most LONGEST_HEADING characters, which bounds these two; they are linear besides.
    private static final Pattern INLINE = Pattern.compile("^(.+?)\\s*+[:：]\\s*+(.*)$", Pattern.DOTALL);
    private static final Pattern TRAILING_COLON = Pattern.compile("\\s?[:：]$");

    private final String path;
    private final List<Pattern> headings;

    Section(String path, String... headings) {
        this.path = path;
        this.headings = Arrays.stream(headings).map(h -> Pattern.compile(h, Pattern.CASE_INSENSITIVE)).toList();
    }

    String path() {
        return path;
    }

    /** A heading line, possibly with its content after a colon ("成長領域: Aging population"). */
    record Heading(Section section, String inlineContent) {
    }

    static Optional<Heading> heading(String rawLine) {
        String line = PageText.flat(rawLine);
        if (line.length() > LONGEST_HEADING || PageText.isBullet(line) || line.startsWith("↗")
                || line.startsWith("|") || Audience.isMarked(line)) {
            return Optional.empty();
        }
        String text = DECORATION.matcher(line).replaceFirst("").strip();
        Optional<Section> whole = matching(TRAILING_COLON.matcher(text).replaceFirst(""));
        if (whole.isPresent()) {
            return whole.map(s -> new Heading(s, ""));
        }
        Matcher inline = INLINE.matcher(text);
        if (inline.matches()) {
            return matching(inline.group(1)).filter(Section::takesInlineContent)
                    .map(s -> new Heading(s, inline.group(2)));
        }
        return Optional.empty();
    }

    private boolean takesInlineContent() {
        return this == GROWTH || this == SOURCES;
    }

    private static Optional<Section> matching(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.headings.stream().anyMatch(h -> h.matcher(lower).matches()))
                .findFirst();
    }
}
