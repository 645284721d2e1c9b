package org.careergraph.catalog.importer;

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
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.CareerPage.AiTool;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.CareerPage.ToolImpact;
import org.careergraph.catalog.page.CareerPage.ToolKind;
import org.careergraph.catalog.page.LocalizedText;

/**
 * Reads the AI part of a page: the verdict and its paragraph, the tools, the four task lists and the two closing
 * paragraphs. The compact layout lists tools as "-" entries and the task lists without headings; those are assigned
 * by order and wording, with a warning.
 */
final class AiImpactReader {

    private static final Pattern TOOL_HEADER = Pattern.compile(
            "^(?:(.+?)\\s++)?(tool|product|platform|research|news|工具|產品|平台|研究|新聞)\\s*+"
                    + "(partial|major|部分|重大)(?:\\s*+(\\d{4}))?$", Pattern.CASE_INSENSITIVE);
    private static final List<Section> LISTS = List.of(Section.TAKEN_OVER, Section.AUGMENTED, Section.MOAT,
            Section.SKILLS);
    private static final Map<Section, List<String>> CUES = Map.of(
            Section.TAKEN_OVER, List.of("自動生成", "自動化", "自動", "基於規則", "數據錄入", "數據輸入", "聊天機器人",
                    "取代", "替代", "由ai", "automat", "auto-generat", "chatbot", "rule-based", "data entry"),
            Section.AUGMENTED, List.of("ai輔助", "輔助", "預測", "智慧", "智能", "推薦", "建議", "提醒", "提升", "模擬",
                    "ai-assisted", "assist", "predict", "recommend", "smart", "insight", "faster"),
            Section.MOAT, List.of("同理心", "人文", "信任", "面對面", "判斷", "倫理", "危機", "協調", "談判", "經驗", "關懷",
                    "應變", "empathy", "trust", "face-to-face", "judgment", "judgement", "ethic", "crisis",
                    "relationship"),
            Section.SKILLS, List.of("技巧", "技能", "知識", "操作", "使用", "培訓", "認證", "學習", "skill", "literacy",
                    "proficien", "knowledge", "training", "certification", "learn"));
    /** How much an uneven split costs against one cue word: the lists on a page are usually about the same size. */
    private static final double BALANCE = 0.1;
    /** Beyond this many unheaded bullets the order-and-wording search is too slow to be worth it: split evenly. */
    private static final int MOST_TO_SEARCH = 200;

    private AiImpactReader() {
    }

    static AiImpact read(List<String> eraLines, Map<Section, List<String>> sections, List<ImportWarning> warnings) {
        Era era = readEra(eraLines, warnings);
        List<AiTool> tools = new ArrayList<>(era.tools);
        tools.addAll(readTools(sections.getOrDefault(Section.TOOLS, List.of()), warnings));

        Map<Section, List<LocalizedText>> lists = new EnumMap<>(Section.class);
        LISTS.forEach(s -> lists.put(s, items(sections.getOrDefault(s, List.of()))));
        assignUnheaded(era.unheaded, lists, sections, warnings);

        Map<Section, List<String>> closing = new EnumMap<>(Section.class);
        closing.put(Section.ENTRY_LEVEL, new ArrayList<>(sections.getOrDefault(Section.ENTRY_LEVEL, List.of())));
        closing.put(Section.LEVEL_UP, new ArrayList<>(sections.getOrDefault(Section.LEVEL_UP, List.of())));
        assignClosing(era.closing, closing, sections, warnings);

        if (era.verdict == null) {
            warnings.add(new ImportWarning("aiImpact.verdict",
                    "no verdict line (Mixed / Compressed by automation / Amplified by AI); the verdict is left empty"));
        }
        return new AiImpact(era.verdict, PageText.paragraphs(era.verdictParagraphs), List.copyOf(tools),
                lists.get(Section.TAKEN_OVER), lists.get(Section.AUGMENTED), lists.get(Section.MOAT),
                lists.get(Section.SKILLS), PageText.paragraphs(closing.get(Section.ENTRY_LEVEL)),
                PageText.paragraphs(closing.get(Section.LEVEL_UP)));
    }

    static Optional<AiVerdict> verdict(String line) {
        String text = PageText.flat(line).strip().toLowerCase(Locale.ROOT);
        for (AiVerdict verdict : AiVerdict.values()) {
            if (text.equals(verdict.label().toLowerCase(Locale.ROOT))) {
                return Optional.of(verdict);
            }
        }
        return switch (text) {
            case "好壞參半", "喜憂參半" -> Optional.of(AiVerdict.MIXED);
            case "被自動化壓縮" -> Optional.of(AiVerdict.COMPRESSED_BY_AUTOMATION);
            case "被ai放大", "被 ai 放大" -> Optional.of(AiVerdict.AMPLIFIED_BY_AI);
            default -> Optional.empty();
        };
    }

    /** What follows "In the AI era": verdict, paragraph, and in the compact layout tools, lists and closing text. */
    private static Era readEra(List<String> lines, List<ImportWarning> warnings) {
        Era era = new Era();
        ToolDraft tool = null;
        for (String line : lines) {
            Optional<AiVerdict> verdict = verdict(line);
            if (era.verdict == null && verdict.isPresent() && era.drafts.isEmpty() && era.unheaded.isEmpty()) {
                era.verdict = verdict.get();
            } else if (PageText.isBullet(line)) {
                String text = PageText.bulletText(line);
                Matcher header = TOOL_HEADER.matcher(text);
                if (text.isEmpty() || header.matches()) {
                    tool = ToolDraft.from(text.isEmpty() ? null : header);
                    era.drafts.add(tool);
                } else {
                    tool = null;
                    era.unheaded.add(text);
                }
            } else if (line.startsWith("↗")) {
                if (tool != null) {
                    tool.hasSource = true;
                } else {
                    unplaced(warnings, Section.AI_ERA, line);
                }
            } else if (tool != null) {
                tool.description.add(PageText.flat(line));
            } else if (era.drafts.isEmpty() && era.unheaded.isEmpty()) {
                era.verdictParagraphs.add(line);
            } else {
                era.closing.add(line);
            }
        }
        era.drafts.forEach(d -> era.tools.add(d.toTool()));
        return era;
    }

    private static List<AiTool> readTools(List<String> lines, List<ImportWarning> warnings) {
        List<ToolDraft> drafts = new ArrayList<>();
        ToolDraft tool = null;
        for (String line : lines) {
            if (PageText.isBullet(line)) {
                String text = PageText.bulletText(line);
                Matcher header = TOOL_HEADER.matcher(text);
                tool = ToolDraft.from(header.matches() ? header : null);
                if (!header.matches() && !text.isEmpty()) {
                    tool.description.add(text);
                }
                drafts.add(tool);
            } else if (line.startsWith("↗")) {
                if (tool != null) {
                    tool.hasSource = true;
                } else {
                    unplaced(warnings, Section.TOOLS, line);
                }
            } else if (tool != null) {
                tool.description.add(PageText.flat(line));
            } else {
                Matcher header = TOOL_HEADER.matcher(PageText.flat(line));
                tool = ToolDraft.from(header.matches() ? header : null);
                if (!header.matches()) {
                    tool.description.add(PageText.flat(line));
                }
                drafts.add(tool);
            }
        }
        return drafts.stream().map(ToolDraft::toTool).toList();
    }

    private static List<LocalizedText> items(List<String> lines) {
        return lines.stream().map(l -> PageText.isBullet(l) ? PageText.bulletText(l) : PageText.flat(l))
                .filter(t -> !t.isEmpty()).map(PageText::localized).collect(Collectors.toCollection(ArrayList::new));
    }

    /** Bullets without a heading go, in page order, to the lists the page has no heading for. */
    private static void assignUnheaded(List<String> bullets, Map<Section, List<LocalizedText>> lists,
            Map<Section, List<String>> sections, List<ImportWarning> warnings) {
        if (bullets.isEmpty()) {
            return;
        }
        List<Section> targets = LISTS.stream().filter(s -> !sections.containsKey(s)).toList();
        if (targets.isEmpty()) {
            bullets.forEach(b -> unplaced(warnings, Section.AI_ERA, b));
            return;
        }
        int[] sizes = partition(bullets, targets);
        String split = Arrays.stream(sizes).mapToObj(String::valueOf).collect(Collectors.joining(" / "));
        int next = 0;
        for (int t = 0; t < targets.size(); t++) {
            for (int i = 0; i < sizes[t]; i++) {
                lists.get(targets.get(t)).add(PageText.localized(bullets.get(next++)));
            }
            warnings.add(new ImportWarning(targets.get(t).path(), "no heading: " + sizes[t] + " of "
                    + bullets.size() + " unheaded bullets were taken as " + label(targets.get(t))
                    + ", guessed from their order and wording (split " + split + ")"));
        }
    }

    /**
     * Sizes of consecutive groups, one per target, that best fit the bullets' wording while keeping the groups
     * about the same size; on a tie the earlier groups stay smaller, since skills to build are usually the longest.
     * The score is a sum over the groups, so the best split of the bullets from any one on into the remaining groups
     * is worked out once (k * n * n steps), not for every way of splitting the bullets before it (n to the k).
     */
    static int[] partition(List<String> bullets, List<Section> targets) {
        int n = bullets.size();
        int k = targets.size();
        if (n > MOST_TO_SEARCH || k == 1) {
            return evenSplit(n, k);
        }
        double[][] prefix = new double[k][n + 1];
        for (int t = 0; t < k; t++) {
            List<String> cues = CUES.get(targets.get(t));
            for (int i = 0; i < n; i++) {
                String text = bullets.get(i).toLowerCase(Locale.ROOT);
                prefix[t][i + 1] = prefix[t][i] + cues.stream().filter(text::contains).count();
            }
        }
        int smallest = n >= k ? 1 : 0;
        double mean = (double) n / k;
        // best[g][start]: the highest score of bullets start..n in groups g..k-1; size[g][start]: the first group's
        // size in it, the smallest of equal scores.
        double[][] best = new double[k + 1][n + 1];
        int[][] size = new int[k][n + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[k][n] = 0;
        for (int g = k - 1; g >= 0; g--) {
            for (int start = 0; start <= n; start++) {
                int room = n - start - smallest * (k - g - 1);
                int from = g == k - 1 ? n - start : smallest;
                for (int s = from; s <= room; s++) {
                    double rest = best[g + 1][start + s];
                    if (rest == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double score = prefix[g][start + s] - prefix[g][start] - BALANCE * (s - mean) * (s - mean) + rest;
                    if (score > best[g][start] + 1e-9) {
                        best[g][start] = score;
                        size[g][start] = s;
                    }
                }
            }
        }
        int[] sizes = new int[k];
        for (int g = 0, start = 0; g < k; start += sizes[g], g++) {
            sizes[g] = size[g][start];
        }
        return sizes;
    }

    private static int[] evenSplit(int n, int k) {
        int[] sizes = new int[k];
        for (int t = 0; t < k; t++) {
            sizes[t] = n / k + (t >= k - n % k ? 1 : 0);
        }
        return sizes;
    }

    /** Paragraphs after the unheaded lists: the entry-level outlook, then the way to level up. */
    private static void assignClosing(List<String> paragraphs, Map<Section, List<String>> closing,
            Map<Section, List<String>> sections, List<ImportWarning> warnings) {
        if (paragraphs.isEmpty()) {
            return;
        }
        List<Section> targets = closing.keySet().stream().filter(s -> !sections.containsKey(s)).toList();
        if (targets.isEmpty()) {
            paragraphs.forEach(p -> unplaced(warnings, Section.AI_ERA, p));
            return;
        }
        Section first = targets.get(0);
        Section rest = targets.get(targets.size() - 1);
        closing.get(first).add(paragraphs.get(0));
        paragraphs.subList(1, paragraphs.size()).forEach(p -> closing.get(rest).add(p));
        String guess = targets.size() == 1 || paragraphs.size() == 1
                ? paragraphs.size() + " paragraph(s) without a heading were taken as the " + label(first)
                : "the first paragraph without a heading was taken as the " + label(first) + " and the "
                        + (paragraphs.size() - 1) + " after it as the " + label(rest);
        warnings.add(new ImportWarning(first.path(), guess));
    }

    private static String label(Section section) {
        return switch (section) {
            case TAKEN_OVER -> "tasks taken over";
            case AUGMENTED -> "tasks augmented";
            case MOAT -> "human moat";
            case SKILLS -> "skills to build";
            case ENTRY_LEVEL -> "entry-level outlook";
            case LEVEL_UP -> "level-up path";
            default -> section.path();
        };
    }

    static void unplaced(List<ImportWarning> warnings, Section section, String line) {
        warnings.add(new ImportWarning(section.path(), "could not place \"" + PageText.shorten(line) + "\""));
    }

    private static final class Era {
        private AiVerdict verdict;
        private final List<String> verdictParagraphs = new ArrayList<>();
        private final List<ToolDraft> drafts = new ArrayList<>();
        private final List<AiTool> tools = new ArrayList<>();
        private final List<String> unheaded = new ArrayList<>();
        private final List<String> closing = new ArrayList<>();
    }

    private static final class ToolDraft {
        private String name;
        private ToolKind kind;
        private ToolImpact impact;
        private Integer year;
        private boolean hasSource;
        private final List<String> description = new ArrayList<>();

        static ToolDraft from(Matcher header) {
            ToolDraft draft = new ToolDraft();
            if (header != null) {
                draft.name = header.group(1);
                draft.kind = kind(header.group(2));
                draft.impact = impact(header.group(3));
                draft.year = header.group(4) == null ? null : Integer.valueOf(header.group(4));
            }
            return draft;
        }

        AiTool toTool() {
            LocalizedText text = PageText.paragraphs(description);
            return new AiTool(name, kind, impact, year, text, hasSource);
        }

        private static ToolKind kind(String word) {
            return switch (word.toLowerCase(Locale.ROOT)) {
                case "工具" -> ToolKind.TOOL;
                case "產品" -> ToolKind.PRODUCT;
                case "平台" -> ToolKind.PLATFORM;
                case "研究" -> ToolKind.RESEARCH;
                case "新聞" -> ToolKind.NEWS;
                default -> ToolKind.valueOf(word.toUpperCase(Locale.ROOT));
            };
        }

        private static ToolImpact impact(String word) {
            return switch (word.toLowerCase(Locale.ROOT)) {
                case "部分" -> ToolImpact.PARTIAL;
                case "重大" -> ToolImpact.MAJOR;
                default -> ToolImpact.valueOf(word.toUpperCase(Locale.ROOT));
            };
        }
    }
}
