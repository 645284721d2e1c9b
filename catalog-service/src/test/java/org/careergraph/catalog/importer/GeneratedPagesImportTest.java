package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.CareerPage.AiTool;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.CareerPage.EducationPath;
import org.careergraph.catalog.page.CareerPage.Faq;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.careergraph.catalog.page.CareerPage.Qualification;
import org.careergraph.catalog.page.CareerPage.ToolImpact;
import org.careergraph.catalog.page.CareerPage.ToolKind;
import org.careergraph.catalog.page.CareerPage.VisaPathway;
import org.careergraph.catalog.page.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * Pages built from a template with random section order, optional sections, bullets, languages and whitespace, in
 * both layouts: every generated item must come back.
 */
class GeneratedPagesImportTest {

    private static final int PAGES = 300;

    @Test
    void everyGeneratedItemComesBack() {
        for (int seed = 0; seed < PAGES; seed++) {
            Generated generated = new Generator(new Random(seed)).page();
            String context = "seed " + seed + ":\n" + generated.text;
            ImportResult result = PageImporter.read(generated.text);
            CareerPage actual = result.page();
            CareerPage expected = generated.page;
            List<String> warned = result.warnings().stream().map(ImportWarning::section).distinct().toList();
            if (generated.compact) {
                assertEquals(withoutGuesses(expected), withoutGuesses(actual), context);
                assertEquals(allLists(expected.aiImpact()), allLists(actual.aiImpact()), context);
                assertEquals(audience(expected), audience(actual), context);
                assertTrue(Set.of("aiImpact.tasksTakenOver", "aiImpact.tasksAugmented", "aiImpact.humanMoat",
                        "aiImpact.skillsToBuild", "aiImpact.entryLevelOutlook", "aiImpact.verdict", "suitableFor",
                        "growthAreas").containsAll(warned), context + "\n" + result.warnings());
                assertTrue(warned.contains("aiImpact.tasksTakenOver"), context);
            } else {
                assertEquals(expected, actual, context);
                assertTrue(Set.of("growthAreas").containsAll(warned), context + "\n" + result.warnings());
            }
        }
    }

    /** The page without what the compact layout only lets the importer guess: the split of its unheaded lists. */
    private static CareerPage withoutGuesses(CareerPage page) {
        AiImpact ai = page.aiImpact();
        return new CareerPage(page.title(), page.codeSystem(), page.code(), page.crosswalk(), page.skilledMigration(),
                page.publishedOverallScore(), page.summary(), new AiImpact(ai.verdict(), ai.verdictText(), ai.tools(),
                        List.of(), List.of(), List.of(), List.of(), ai.entryLevelOutlook(), ai.levelUp()),
                page.salaryBands(), page.educationPaths(), page.qualifications(), page.visaPathways(),
                page.immigrationNote(), List.of(),
                List.of(), page.careerProspects(), page.outlook(), page.growthAreas(), page.faq(), page.dataSources(), null);
    }

    private static List<LocalizedText> audience(CareerPage page) {
        return Stream.concat(page.suitableFor().stream(), page.notSuitableFor().stream()).toList();
    }

    private static List<LocalizedText> allLists(AiImpact ai) {
        return Stream.of(ai.tasksTakenOver(), ai.tasksAugmented(), ai.humanMoat(), ai.skillsToBuild())
                .flatMap(List::stream).toList();
    }

    private record Generated(String text, CareerPage page, boolean compact) {
    }

    private static final class Generator {
        private static final String[][] TITLES = {{"社區服務工作者", "Community Services Worker"},
            {"住房官員", "Housing Officer"}, {"IT項目協調員", "IT Project Coordinator"}, {null, "Medical social worker"},
            {"數據分析師", null}};
        private static final List<String> EN_ITEMS = List.of("Drafting routine case notes",
                "Scheduling client appointments", "Summarising long reports", "Answering common questions",
                "Checking forms for completeness", "Flagging high-risk cases early", "Building trust with families",
                "Handling crisis situations", "Negotiating between agencies", "Data literacy", "Prompt writing",
                "Cultural safety practice");
        private static final List<String> ZH_ITEMS = List.of("自動生成服務記錄", "排程與預約提醒", "數據輸入與整理",
                "預測高風險案例", "面對面危機干預", "跨文化溝通", "基礎數據分析", "倫理判斷與決策", "社區資源協調");
        private static final List<String> TOOL_NAMES = List.of("ChatGPT", "Woebot", "IBM Watson for Social Services",
                "Microsoft Project", "Monday.com", "Google Cloud Contact Center AI");
        private static final List<String> LEVELS = List.of("初級(0-3年)", "Junior (0-2 years)", "中級(3-6年)",
                "Mid-level (4-7 years)", "Senior (6+ years)", "資深(8年以上)", "Lead");
        private static final List<String> NOTES = List.of("Usually requires a diploma", "PMP certification preferred",
                "Annual salary range", "入門職位");
        private static final List<String> STAGES = List.of("Social services bachelor's diploma",
                "Community service work certificate", "Master's degree (Project Management or IT)",
                "Short-term training", "統計學學士");
        private static final List<String> DURATIONS = List.of("2-3 years", "1年", "1-2 years", "3 months", "4年");
        private static final String[][] QUALIFICATIONS = {
            {"New Zealand Social Work Registration", "Social Work Registration Board (SWRB)"},
            {"Level 1 First Aid certificate", "New Zealand Resuscitation Council"},
            {"IELTS 6.5", "IDP or British Council"}, {"Project Management Professional (PMP)", "PMI"},
            {"PRINCE2 Practitioner", "AXELOS"}, {"Customer service certificate", "ServicIQ or industry providers"}};
        private static final String[][] VISAS = {
            {"SMC", "Skilled Migrant Category Resident Visa", "Meet the 6-point system requirements."},
            {"Green List T2", "Green List Tier 2 (Work to Residence)", "Can transition to residence after 2 years."},
            {"AEWV", "Accredited Employer Work Visa", "Preferred by most overseas applicants."},
            {"H-1B", "H-1B Specialty Occupation", "Requires employer sponsorship."},
            {"EB-2", "Employment-Based Second Preference (EB-2)", "Requires PERM labor certification."},
            {"Green Card (PERM)", "PERM Labor Certification", "The employer must test the labour market."}};
        private static final List<String> LEADING_ACRONYM_AREAS = List.of("AI Adoption", "NZ Tech Sector");
        private static final List<String> AREAS = List.of("Aging Population", "Government Funding Increase",
                "Rural Demand", "Digital Transformation", "Mental health awareness", "Integrated care models",
                "Demand for AI", "Public Sector IT", "FinTech Growth");
        private static final List<String> SUITS = List.of("People with patience and empathy",
                "Those with good communication skills", "喜歡與人溝通的人");
        private static final List<String> DOES_NOT_SUIT = List.of("People unwilling to work shifts",
                "Those seeking rapid promotion", "不喜歡文書工作的人");

        private final Random random;
        private final boolean compact;
        private final boolean englishHeadings;
        private final String bullet;
        private int unique;

        Generator(Random random) {
            this.random = random;
            this.compact = random.nextInt(3) == 0;
            this.englishHeadings = random.nextBoolean();
            this.bullet = compact ? "-" : pick(List.of("•", "•", "-", "*"));
        }

        Generated page() {
            String[] title = TITLES[random.nextInt(TITLES.length)];
            String fullTitle = title[0] == null ? title[1] : title[1] == null ? title[0] : title[0] + " " + title[1];
            String code = String.valueOf(100000 + random.nextInt(900000));
            boolean skilled = random.nextBoolean();
            String score = pick(List.of("7", "7.1", "6.8", "8.5", "10"));
            String currency = pick(List.of("NZD", "USD"));
            AiVerdict verdict = pick(List.of(AiVerdict.values()));
            String summary = "This occupation supports people in need; demand is stable number " + next() + ".";
            String verdictText = "崗位受AI影響複雜,整體風險與機遇並存" + next() + "。";
            boolean chineseItems = random.nextBoolean();

            List<AiTool> tools = new ArrayList<>();
            List<String> toolLines = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                tool(tools, toolLines);
            }
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (String list : List.of("taken", "augmented", "moat", "skills")) {
                lists.put(list, items(chineseItems, 1 + random.nextInt(6)));
            }
            String entry = "入門崗位需求可能小幅收窄" + next() + "。";
            String levelUp = "建議從直接服務轉向整合AI工具的個案管理" + next() + "。";

            Map<String, List<String>> blocks = new LinkedHashMap<>();

            List<PageSalaryBand> bands = new ArrayList<>();
            List<String> bandRows = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String level = pick(LEVELS);
                int min = 30 + random.nextInt(70);
                int max = min + 1 + random.nextInt(40);
                String note = random.nextInt(4) == 0 ? null : pick(NOTES);
                Integer[] years = Tables.years(level);
                bands.add(new PageSalaryBand(level, years[0], years[1], thousands(min), thousands(max), currency,
                        note));
                String range = money(min) + pick(List.of(" ~ ", "~", " - ")) + money(max);
                bandRows.add(compact ? "| " + level + " | " + range + " | " + (note == null ? "" : note) + " |"
                        : level + range + (note == null ? "" : note));
            }
            blocks.put("salary", concat(List.of(heading("薪資", "Salary")), compact
                    ? List.of("| 經驗 | 年薪 (" + currency + ") | |", "|---|---|---|")
                    : List.of(englishHeadings ? "Level Annual salary (" + currency + ")" : "經驗年薪 (" + currency + ")"),
                    bandRows));

            List<EducationPath> paths = new ArrayList<>();
            List<String> pathRows = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String stage = pick(STAGES);
                String duration = pick(DURATIONS);
                int min = random.nextInt(30);
                int max = min + random.nextInt(30);
                BigDecimal[] years = Tables.durationYears(duration);
                paths.add(new EducationPath(stage, duration, years[0], years[1], thousands(min), thousands(max),
                        currency));
                String cost = money(min) + "~" + money(max);
                pathRows.add(compact ? "| " + stage + " | " + duration + " | " + cost + " |" : stage + duration + cost);
            }
            blocks.put("education", concat(List.of(heading("教育路徑", "Education"), compact
                    ? "| 階段 | 時長 | 費用 (" + currency + ") |" : "階段時長費用 (" + currency + ")"), pathRows));

            List<Qualification> qualifications = new ArrayList<>();
            List<String> qualificationRows = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String[] q = QUALIFICATIONS[random.nextInt(QUALIFICATIONS.length)];
                boolean required = random.nextBoolean();
                String marker = englishHeadings ? (required ? "Required" : "Optional") : (required ? "必需" : "可選");
                qualifications.add(new Qualification(q[0], q[1], required));
                qualificationRows.add(compact ? "| " + q[0] + " | " + q[1] + " | " + marker + " |"
                        : q[0] + q[1] + marker);
            }
            blocks.put("qualifications", concat(List.of(heading("資格", "Qualifications"),
                    compact ? "| 學歷 | 發證機構 | |" : "學歷發證機構"), qualificationRows));

            List<VisaPathway> visas = new ArrayList<>();
            List<String> visaRows = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String[] v = VISAS[random.nextInt(VISAS.length)];
                visas.add(new VisaPathway(v[0], v[1], v[2]));
                visaRows.add(compact ? "| " + v[0] + " | " + v[1] + " | " + v[2] + " |" : v[0] + " " + v[1] + v[2]);
            }
            blocks.put("immigration", concat(List.of(heading("移民", "Immigration"),
                    "Occupation classification code: " + code + "(ANZSCO)", heading("簽證詳情", "Visa details")),
                    visaRows));

            List<String> suits = sample(SUITS, 1 + random.nextInt(2));
            List<String> doesNotSuit = sample(DOES_NOT_SUIT, 1 + random.nextInt(2));
            List<String> audience = new ArrayList<>(List.of(heading("適合對象", "Who it suits")));
            if (!compact) {
                audience.add("✓ " + (englishHeadings ? "Suitable" : "適合"));
            }
            suits.forEach(s -> audience.add("  " + bullet + " " + s));
            if (!compact) {
                audience.add("✗ " + (englishHeadings ? "Not suitable" : "不適合"));
            }
            doesNotSuit.forEach(s -> audience.add("  " + bullet + " " + s));
            blocks.put("suitable", audience);

            String prospects = "Entry-level roles can grow into case managers " + next() + ".";
            String outlook = "The sector is growing steadily " + next() + ".";
            blocks.put("prospects", List.of(heading("職業前景", "Career prospects"), prospects, "", outlook));

            List<String> areas = new ArrayList<>(sample(LEADING_ACRONYM_AREAS, random.nextInt(2)));
            areas.addAll(sample(AREAS, 1 + random.nextInt(4)));
            blocks.put("growth", List.of(heading("成長領域:", "Growth areas:"), String.join("", areas)));

            List<Faq> faq = new ArrayList<>();
            List<String> faqLines = new ArrayList<>(List.of(heading("常見問題", "FAQ")));
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                String question = random.nextBoolean() ? "How is the salary " + next() + "?" : "薪水高嗎" + next() + "？";
                String answer = "Starting annual salary: NZD 48,000–58,000; growth is slow " + next() + ".";
                faq.add(new Faq(LocalizedText.of(question), LocalizedText.of(answer)));
                faqLines.add(question);
                faqLines.add(answer);
            }
            blocks.put("faq", faqLines);

            String sources = "本頁薪資為綜合 Seek NZ、Trade Me Jobs 等公開區間的估算" + next() + "。";
            blocks.put("sources", List.of(heading("數據來源", "Data sources"), sources));

            if (!compact) {
                blocks.put("tools", concat(
                        List.of("🤖 AI already replacing this job (tools / products / research / news)"), toolLines));
                blocks.put("taken", bulleted("⚠ Tasks AI will take over or replace", lists.get("taken")));
                blocks.put("augmented", bulleted("↑ Tasks AI will augment", lists.get("augmented")));
                blocks.put("moat", bulleted("🛡 Human moat", lists.get("moat")));
                blocks.put("skills", bulleted("Skills to build (next 5 years)", lists.get("skills")));
                blocks.put("entry", List.of("Entry-level outlook", "", entry));
                blocks.put("levelUp", List.of("🚀 How to level up in the AI era", "", levelUp));
            }
            List<String> order = new ArrayList<>(blocks.keySet());
            Collections.shuffle(order, random);
            order.removeIf(block -> random.nextInt(6) == 0);

            List<String> lines = new ArrayList<>();
            if (!compact) {
                lines.addAll(List.of("AI Career Graph", "← 所有職業", ""));
            }
            lines.add(fullTitle);
            lines.add("職業代碼: " + code + "(ANZSCO) " + (skilled ? "技術移民職業" : "非技術移民職業") + " 總體 " + score + "/10");
            lines.add(summary);
            lines.add("評分 · 總體 " + score + "/10i");
            lines.add("收入需求前景PR 友善AI 風險競爭強度學習時長認證PR 難度");
            lines.add("In the AI era: what happens to " + fullTitle);
            if (compact) {
                lines.add(verdictText);
                lines.addAll(toolLines);
                lists.values().forEach(items -> items.forEach(item -> lines.add("- " + item)));
                lines.add(entry);
                lines.add(levelUp);
            } else {
                lines.add(verdict.label());
                lines.add(verdictText);
            }
            order.forEach(block -> lines.addAll(blocks.get(block)));

            CareerPage page = new CareerPage(new LocalizedText(title[0], title[1]), "ANZSCO", code, List.of(), skilled,
                    new BigDecimal(score), LocalizedText.en(summary),
                    new AiImpact(compact ? null : verdict, LocalizedText.zh(verdictText),
                            kept(order, "tools", tools, true),
                            localized(kept(order, "taken", lists.get("taken"), true)),
                            localized(kept(order, "augmented", lists.get("augmented"), true)),
                            localized(kept(order, "moat", lists.get("moat"), true)),
                            localized(kept(order, "skills", lists.get("skills"), true)),
                            compact || order.contains("entry") ? LocalizedText.zh(entry) : null,
                            compact || order.contains("levelUp") ? LocalizedText.zh(levelUp) : null),
                    kept(order, "salary", bands, false), kept(order, "education", paths, false),
                    kept(order, "qualifications", qualifications, false), kept(order, "immigration", visas, false),
                    null, localized(kept(order, "suitable", suits, false)),
                    localized(kept(order, "suitable", doesNotSuit, false)),
                    order.contains("prospects") ? LocalizedText.en(prospects) : null,
                    order.contains("prospects") ? LocalizedText.en(outlook) : null,
                    kept(order, "growth", areas, false), kept(order, "faq", faq, false),
                    order.contains("sources") ? LocalizedText.zh(sources) : null, null);
            return new Generated(messUp(lines), page, compact);
        }

        /** In the compact layout the AI block has no headings, so it is never moved or left out. */
        private <T> List<T> kept(List<String> order, String block, List<T> items, boolean aiBlock) {
            return (aiBlock && compact) || order.contains(block) ? items : List.of();
        }

        private void tool(List<AiTool> tools, List<String> lines) {
            String description = "替代社區服務工作者撰寫個案報告等文書工作" + next() + "。";
            LocalizedText text = LocalizedText.zh(description);
            if (compact) {
                tools.add(new AiTool(null, null, null, null, text, false));
                lines.addAll(List.of("-", description));
                return;
            }
            String name = random.nextInt(4) == 0 ? null : pick(TOOL_NAMES);
            ToolKind kind = pick(List.of(ToolKind.TOOL, ToolKind.PRODUCT, ToolKind.PLATFORM));
            ToolImpact impact = pick(List.of(ToolImpact.values()));
            Integer year = random.nextInt(4) == 0 ? null : 2000 + random.nextInt(25);
            boolean source = random.nextBoolean();
            boolean header = random.nextInt(5) != 0;
            String kindWord = kind.name().charAt(0) + kind.name().substring(1).toLowerCase();
            String impactWord = impact.name().charAt(0) + impact.name().substring(1).toLowerCase();
            if (header) {
                tools.add(new AiTool(name, kind, impact, year, text, source));
                lines.add("  " + bullet + " " + (name == null ? "" : name + " ") + kindWord + " " + impactWord
                        + (year == null ? "" : " " + year));
                lines.add("");
                lines.add("    " + description);
            } else {
                tools.add(new AiTool(null, null, null, null, text, source));
                lines.add("  " + bullet + " " + description);
            }
            if (source) {
                lines.add("");
                lines.add("    ↗ 數據來源");
            }
        }

        private List<String> bulleted(String heading, List<String> items) {
            List<String> lines = new ArrayList<>(List.of(heading));
            items.forEach(item -> lines.add("  " + bullet + " " + item));
            return lines;
        }

        private List<String> items(boolean chinese, int count) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                items.add(pick(chinese ? ZH_ITEMS : EN_ITEMS) + " " + next());
            }
            return items;
        }

        /** CRLF or LF, indentation, trailing and non-breaking spaces, blank lines: none of it may matter. */
        private String messUp(List<String> lines) {
            String newline = random.nextBoolean() ? "\r\n" : "\n";
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                String messy = random.nextInt(5) == 0 ? line.replace(" ", "\u00A0") : line;
                text.append(pick(List.of("", "", " ", "\t", "\u00A0"))).append(messy)
                        .append(pick(List.of("", "", " ", "\u00A0", "\t "))).append(newline);
                if (random.nextInt(6) == 0) {
                    text.append(pick(List.of("", " ", "\t"))).append(newline);
                }
            }
            return text.toString();
        }

        private String heading(String chinese, String english) {
            return englishHeadings ? english : chinese;
        }

        private static List<LocalizedText> localized(List<String> items) {
            return items.stream().map(LocalizedText::of).toList();
        }

        private static BigDecimal thousands(int value) {
            return BigDecimal.valueOf(value * 1000L);
        }

        private static String money(int thousands) {
            return "$" + new DecimalFormat("#,###").format(thousands * 1000L);
        }

        private <T> List<T> sample(List<T> pool, int count) {
            List<T> copy = new ArrayList<>(pool);
            Collections.shuffle(copy, random);
            return copy.subList(0, Math.min(count, copy.size()));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private int next() {
            return ++unique;
        }

        @SafeVarargs
        private static List<String> concat(List<String>... parts) {
            return Stream.of(parts).flatMap(List::stream).toList();
        }
    }
}
