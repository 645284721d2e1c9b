package org.careergraph.catalog.importer;

import static org.careergraph.catalog.importer.SeedPagesImportTest.seed;
import static org.careergraph.catalog.importer.SeedPagesImportTest.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

class PageVariantsImportTest {

    private static final List<String> SEED_000_HEADINGS = List.of("🤖 AI already replacing", "⚠ Tasks AI",
            "↑ Tasks AI", "🛡 Human moat", "Skills to build", "Entry-level outlook", "🚀 How to level up", "薪資",
            "教育路徑", "資格", "移民", "適合對象", "職業前景", "成長領域:", "常見問題", "數據來源");

    @Test
    void sectionsInReverseOrderReadTheSame() throws IOException {
        String text = seed("000_9d7066477939e445.txt");
        List<String> blocks = blocks(text);
        List<String> reversed = new ArrayList<>(blocks.subList(1, blocks.size()));
        Collections.reverse(reversed);

        ImportResult result = PageImporter.read(blocks.get(0) + String.join("", reversed));

        assertEquals(PageImporter.read(text).page(), result.page());
        assertEquals(List.of("growthAreas"), sections(result));
    }

    @Test
    void missingSectionsAreEmptyAndTheRestIsUntouched() throws IOException {
        String text = seed("000_9d7066477939e445.txt");
        CareerPage full = PageImporter.read(text).page();
        List<String> blocks = blocks(text);
        blocks.removeIf(b -> b.startsWith("薪資") || b.startsWith("🛡 Human moat") || b.startsWith("常見問題"));

        CareerPage page = PageImporter.read(String.join("", blocks)).page();

        assertEquals(List.of(), page.salaryBands());
        assertEquals(List.of(), page.aiImpact().humanMoat());
        assertEquals(List.of(), page.faq());
        assertEquals(full.aiImpact().tasksAugmented(), page.aiImpact().tasksAugmented());
        assertEquals(full.aiImpact().skillsToBuild(), page.aiImpact().skillsToBuild());
        assertEquals(full.educationPaths(), page.educationPaths());
        assertEquals(full.dataSources(), page.dataSources());
    }

    @Test
    void aCompactPageWithoutTablesStillKeepsEveryBullet() throws IOException {
        String text = seed("002_377fb8c0790bdfb2.txt");
        int salary = text.indexOf("薪資\n");
        int immigration = text.indexOf("移民\n");

        CareerPage page = PageImporter.read(text.substring(0, salary) + text.substring(immigration)).page();

        assertEquals(List.of(), page.salaryBands());
        assertEquals(List.of(), page.qualifications());
        AiImpact ai = page.aiImpact();
        assertEquals(21, ai.tasksTakenOver().size() + ai.tasksAugmented().size() + ai.humanMoat().size()
                + ai.skillsToBuild().size());
        assertEquals(5, page.suitableFor().size() + page.notSuitableFor().size());
    }

    @Test
    void oddWhitespaceDoesNotMatter() throws IOException {
        for (String seed : List.of("000_9d7066477939e445.txt", "002_377fb8c0790bdfb2.txt",
                "003_b5e725612a6ba011.txt")) {
            String text = seed(seed);
            StringBuilder odd = new StringBuilder("\uFEFF\r\n");
            int n = 0;
            for (String line : text.split("\n", -1)) {
                String indent = switch (n++ % 4) {
                    case 0 -> "\t";
                    case 1 -> "\u00A0 ";
                    case 2 -> "   ";
                    default -> "";
                };
                odd.append(indent).append(line.replace(" ", n % 3 == 0 ? "\u00A0" : "  "))
                        .append(n % 2 == 0 ? " \u00A0\t" : "").append("\r\n").append(n % 5 == 0 ? "\r\n \r\n" : "");
            }
            ImportResult plain = PageImporter.read(text);
            ImportResult messy = PageImporter.read(odd.toString());
            assertEquals(plain.page(), messy.page(), seed);
            assertEquals(plain.warnings(), messy.warnings(), seed);
        }
    }

    @Test
    void tabSeparatedTableRowsAreCells() {
        ImportResult result = PageImporter.read("""
                社區服務工作者 Community Services Worker
                職業代碼: 411215(ANZSCO)
                薪資
                經驗\t年薪 (NZD)\t
                初級(0-3年)\t$48,000 ~ $58,000\tUsually requires a certificate
                資格
                學歷\t發證機構
                社工註冊\t社工註冊委員會\t必需
                移民
                SMC\t技術移民類別\t符合六分制即可申請。
                """);
        CareerPage page = result.page();

        assertEquals(List.of(new PageSalaryBand("初級(0-3年)", 0, 3, new BigDecimal("48000"), new BigDecimal("58000"),
                "NZD", "Usually requires a certificate")), page.salaryBands());
        assertEquals(List.of(new Qualification("社工註冊", "社工註冊委員會", true)), page.qualifications());
        assertEquals(List.of(new VisaPathway("SMC", "技術移民類別", "符合六分制即可申請。")), page.visaPathways());
    }

    @Test
    void readsAnEnglishOnlyPage() {
        ImportResult result = PageImporter.read("""
                Data Analyst
                Occupation code: 224115(ANZSCO) Skilled migration occupation Overall 8.5/10
                Data analysts turn raw data into decisions.
                Rating · Overall 8.5/10
                Income Demand outlook PR friendliness AI risk Competition intensity Learning duration
                In the AI era: what happens to Data Analyst
                Amplified by AI
                AI speeds up the routine work and leaves the judgement to people.
                🤖 AI already replacing this job (tools / products / research / news)
                  • Tableau Pulse Product Major 2023
                    Writes routine dashboard commentary.
                    ↗ Source
                ⚠ Tasks AI will take over or replace
                  • Cleaning data
                  • Writing routine reports
                ↑ Tasks AI will augment
                  • Exploratory analysis
                🛡 Human moat
                  • Framing the business question
                Skills to build (next 5 years)
                  • Statistics
                  • Prompt engineering
                Entry-level outlook
                Fewer pure reporting roles.
                🚀 How to level up in the AI era
                Move into analytics engineering.
                Salary
                Level Annual salary (NZD)
                Junior (0-2 years)$60,000 ~ $75,000Entry roles
                Senior (5+ years)$110,000 ~ $140,000Lead roles
                Education
                Stage Duration Cost (NZD)
                Bachelor's degree in statistics3 years$30,000~$45,000
                Qualifications
                Qualification Issuer
                Microsoft Certified Data AnalystMicrosoftOptional
                Immigration
                Visa details
                SMC Skilled Migrant CategoryPoints-based residence.
                Who it suits
                ✓ Suitable
                  • Curious people
                ✗ Not suitable
                  • People who dislike numbers
                Career prospects
                Analysts grow into senior analysts.
                Demand keeps rising.
                Growth areas:
                Cloud AnalyticsAI AdoptionPublic Sector
                FAQ
                Is it well paid?
                Yes, above the median.
                Data sources
                Stats NZ and Seek NZ.
                """);
        CareerPage page = result.page();

        assertEquals(LocalizedText.en("Data Analyst"), page.title());
        assertEquals("224115", page.code());
        assertEquals(Boolean.TRUE, page.skilledMigration());
        assertEquals(new BigDecimal("8.5"), page.publishedOverallScore());
        assertEquals(LocalizedText.en("Data analysts turn raw data into decisions."), page.summary());
        AiImpact ai = page.aiImpact();
        assertEquals(AiVerdict.AMPLIFIED_BY_AI, ai.verdict());
        assertEquals(LocalizedText.en("AI speeds up the routine work and leaves the judgement to people."),
                ai.verdictText());
        assertEquals(List.of(new AiTool("Tableau Pulse", ToolKind.PRODUCT, ToolImpact.MAJOR, 2023,
                LocalizedText.en("Writes routine dashboard commentary."), true)), ai.tools());
        assertEquals(List.of(LocalizedText.en("Cleaning data"), LocalizedText.en("Writing routine reports")),
                ai.tasksTakenOver());
        assertEquals(List.of(LocalizedText.en("Exploratory analysis")), ai.tasksAugmented());
        assertEquals(List.of(LocalizedText.en("Framing the business question")), ai.humanMoat());
        assertEquals(2, ai.skillsToBuild().size());
        assertEquals(LocalizedText.en("Fewer pure reporting roles."), ai.entryLevelOutlook());
        assertEquals(LocalizedText.en("Move into analytics engineering."), ai.levelUp());
        assertEquals(List.of(
                new PageSalaryBand("Junior (0-2 years)", 0, 2, new BigDecimal("60000"), new BigDecimal("75000"),
                        "NZD", "Entry roles"),
                new PageSalaryBand("Senior (5+ years)", 5, null, new BigDecimal("110000"), new BigDecimal("140000"),
                        "NZD", "Lead roles")), page.salaryBands());
        assertEquals(List.of(new EducationPath("Bachelor's degree in statistics", "3 years", new BigDecimal("3"),
                new BigDecimal("3"), new BigDecimal("30000"), new BigDecimal("45000"), "NZD")), page.educationPaths());
        assertEquals(List.of(new Qualification("Microsoft Certified Data Analyst", "Microsoft", false)),
                page.qualifications());
        assertEquals(List.of(new VisaPathway("SMC", "Skilled Migrant Category", "Points-based residence.")),
                page.visaPathways());
        assertEquals(List.of(LocalizedText.en("Curious people")), page.suitableFor());
        assertEquals(List.of(LocalizedText.en("People who dislike numbers")), page.notSuitableFor());
        assertEquals(LocalizedText.en("Analysts grow into senior analysts."), page.careerProspects());
        assertEquals(LocalizedText.en("Demand keeps rising."), page.outlook());
        assertEquals(List.of("Cloud Analytics", "AI Adoption", "Public Sector"), page.growthAreas());
        assertEquals(List.of(new Faq(LocalizedText.en("Is it well paid?"), LocalizedText.en("Yes, above the median."))),
                page.faq());
        assertEquals(LocalizedText.en("Stats NZ and Seek NZ."), page.dataSources());
        assertEquals(List.of("growthAreas"), sections(result));
    }

    @Test
    void readsAChineseOnlyPage() {
        ImportResult result = PageImporter.read("""
                數據分析師
                職業代碼: 224115(ANZSCO) 非技術移民職業 總體 8/10
                數據分析師把原始數據轉化為決策。
                評分 · 總體 8/10
                收入需求前景PR 友善AI 風險競爭強度學習時長認證PR 難度
                AI 時代:數據分析師會怎樣
                Mixed
                例行工作會被加速,判斷仍留給人。
                AI 已在取代此職業
                  • 自動報表工具 工具 部分 2021
                    自動撰寫例行報表。
                AI將接管的任務
                  • 數據清理
                AI將增強的任務
                  • 探索性分析
                人類護城河
                  • 定義業務問題
                需要培養的技能
                  • 統計學
                入門前景
                純報表職位減少。
                如何在AI時代升級
                轉向分析工程。
                薪資
                經驗年薪 (NZD)
                初級(0-3年)$60,000 ~ $75,000入門職位
                資深(5年以上)$110,000 ~ $140,000帶領團隊
                教育路徑
                階段時長費用 (NZD)
                統計學學士3年$30,000~$45,000
                資格
                學歷發證機構
                微軟數據分析師認證微軟可選
                適合對象
                ✓ 適合
                  • 喜歡數字的人
                ✗ 不適合
                  • 不喜歡數字的人
                職業前景
                分析師可晉升為資深分析師。
                需求持續上升。
                成長領域: 雲端分析、公共部門
                常見問題
                薪水高嗎？
                高於中位數。
                數據來源
                紐西蘭統計局。
                """);
        CareerPage page = result.page();

        assertEquals(LocalizedText.zh("數據分析師"), page.title());
        assertEquals(Boolean.FALSE, page.skilledMigration());
        assertEquals(new BigDecimal("8"), page.publishedOverallScore());
        assertEquals(LocalizedText.zh("數據分析師把原始數據轉化為決策。"), page.summary());
        AiImpact ai = page.aiImpact();
        assertEquals(AiVerdict.MIXED, ai.verdict());
        assertEquals(LocalizedText.zh("例行工作會被加速,判斷仍留給人。"), ai.verdictText());
        assertEquals(List.of(new AiTool("自動報表工具", ToolKind.TOOL, ToolImpact.PARTIAL, 2021,
                LocalizedText.zh("自動撰寫例行報表。"), false)), ai.tools());
        assertEquals(List.of(LocalizedText.zh("數據清理")), ai.tasksTakenOver());
        assertEquals(List.of(LocalizedText.zh("探索性分析")), ai.tasksAugmented());
        assertEquals(List.of(LocalizedText.zh("定義業務問題")), ai.humanMoat());
        assertEquals(List.of(LocalizedText.zh("統計學")), ai.skillsToBuild());
        assertEquals(LocalizedText.zh("純報表職位減少。"), ai.entryLevelOutlook());
        assertEquals(LocalizedText.zh("轉向分析工程。"), ai.levelUp());
        assertEquals(List.of(
                new PageSalaryBand("初級(0-3年)", 0, 3, new BigDecimal("60000"), new BigDecimal("75000"), "NZD",
                        "入門職位"),
                new PageSalaryBand("資深(5年以上)", 5, null, new BigDecimal("110000"), new BigDecimal("140000"), "NZD",
                        "帶領團隊")), page.salaryBands());
        assertEquals(List.of(new EducationPath("統計學學士", "3年", new BigDecimal("3"), new BigDecimal("3"),
                new BigDecimal("30000"), new BigDecimal("45000"), "NZD")), page.educationPaths());
        assertEquals(List.of(new Qualification("微軟數據分析師認證微軟", null, false)), page.qualifications());
        assertEquals(List.of(LocalizedText.zh("喜歡數字的人")), page.suitableFor());
        assertEquals(List.of(LocalizedText.zh("不喜歡數字的人")), page.notSuitableFor());
        assertEquals(LocalizedText.zh("分析師可晉升為資深分析師。"), page.careerProspects());
        assertEquals(LocalizedText.zh("需求持續上升。"), page.outlook());
        assertEquals(List.of("雲端分析", "公共部門"), page.growthAreas());
        assertEquals(List.of(new Faq(LocalizedText.zh("薪水高嗎？"), LocalizedText.zh("高於中位數。"))), page.faq());
        assertEquals(LocalizedText.zh("紐西蘭統計局。"), page.dataSources());
        // Chinese name and issuer written together cannot be told apart: kept whole, and said so.
        assertEquals(List.of("qualifications"), sections(result));
    }

    @Test
    void aQuestionAndItsTranslationAreOneFaqEntry() {
        CareerPage page = PageImporter.read("""
                數據分析師 Data Analyst
                職業代碼: 224115(ANZSCO)
                常見問題
                薪水高嗎？
                Is it well paid?
                高於中位數。
                Above the median.
                """).page();

        assertEquals(List.of(new Faq(new LocalizedText("薪水高嗎？", "Is it well paid?"),
                new LocalizedText("高於中位數。", "Above the median."))), page.faq());
    }

    @Test
    void aLineThatFitsNowhereIsAWarningNamingIt() throws IOException {
        String text = seed("000_9d7066477939e445.txt").replace("薪資\n", "薪資\nThis line belongs to no table at all\n");

        ImportResult result = PageImporter.read(text);

        assertEquals(3, result.page().salaryBands().size());
        assertTrue(result.warnings().contains(new ImportWarning("salaryBands",
                "could not place \"This line belongs to no table at all\"")));
    }

    @Test
    void aCrosswalkCodeInTheImmigrationSectionIsKept() throws IOException {
        String text = seed("000_9d7066477939e445.txt").replace("Occupation classification code: 411215(ANZSCO)",
                "Occupation classification code: 411215(ANZSCO)\nOccupation classification code: 4112(ISCO)");

        assertEquals(List.of(new CareerPage.CrosswalkCode("ISCO", "4112")),
                PageImporter.read(text).page().crosswalk());
    }

    @Test
    void aMinimalPageHasEmptySections() {
        ImportResult result = PageImporter.read("Housing Officer\n職業代碼: 599614(ANZSCO)");
        CareerPage page = result.page();

        assertEquals(LocalizedText.en("Housing Officer"), page.title());
        assertNull(page.skilledMigration());
        assertNull(page.publishedOverallScore());
        assertNull(page.summary());
        assertEquals(List.of(), page.aiImpact().tools());
        assertEquals(List.of(), page.salaryBands());
        assertEquals(List.of(), page.growthAreas());
        assertEquals(List.of("aiImpact.verdict"), sections(result));
    }

    @Test
    void pagesWithoutAUsableCodeAreRefused() {
        assertEquals("the page has no occupation code line, e.g. \"職業代碼: 411215(ANZSCO)\"",
                assertThrows(PageFormatException.class, () -> PageImporter.read("住房官員 Housing Officer\n薪資"))
                        .getMessage());
        assertEquals("unknown code system \"XYZ\"; known: ANZSCO, SOC, NOL, OSCA, ISCO",
                assertThrows(PageFormatException.class,
                        () -> PageImporter.read("Housing Officer\n職業代碼: 599614(XYZ)")).getMessage());
        assertEquals("\"59961A\" is not a valid ANZSCO code", assertThrows(PageFormatException.class,
                () -> PageImporter.read("Housing Officer\n職業代碼: 59961A(ANZSCO)")).getMessage());
        assertEquals("\"21-1022\" is not a valid ANZSCO code", assertThrows(PageFormatException.class,
                () -> PageImporter.read("Housing Officer\n職業代碼: 21-1022(ANZSCO)")).getMessage());
        assertTrue(assertThrows(PageFormatException.class,
                () -> PageImporter.read("Housing Officer\n職業代碼: 599614")).getMessage()
                .contains("has no code with its system in parentheses"));
        assertEquals("the page has no title before its code line", assertThrows(PageFormatException.class,
                () -> PageImporter.read("AI Career Graph\n職業代碼: 599614(ANZSCO)")).getMessage());
        assertThrows(PageFormatException.class, () -> PageImporter.read(""));
    }

    @Test
    void titlesSplitAfterTheLastChineseCharacter() {
        assertEquals(new LocalizedText("IT項目協調員", "IT Project Coordinator"),
                PageImporter.splitTitle("IT項目協調員 IT Project Coordinator"));
        assertEquals(LocalizedText.zh("住房官員"), PageImporter.splitTitle("住房官員"));
        assertEquals(LocalizedText.en("Housing Officer"), PageImporter.splitTitle("Housing Officer"));
    }

    @Test
    void runTogetherGrowthAreasKeepAcronymsAndKnownNames() {
        assertEquals(List.of("Demand for AI", "Aging Population", "NZ Tech Sector", "FinTech Growth", "NGOs",
                "Rural Demand", "Industry 4.0", "Automation"),
                GrowthAreas.splitRunTogether("Demand for AIAging PopulationNZ Tech SectorFinTech GrowthNGOs"
                        + "Rural DemandIndustry 4.0Automation"));
    }

    /** The seed split at its section headings: the part before the first heading, then one block per section. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (SEED_000_HEADINGS.stream().anyMatch(line::startsWith)) {
                blocks.add(block.toString());
                block.setLength(0);
            }
            block.append(line).append('\n');
        }
        blocks.add(block.toString());
        return blocks;
    }
}
