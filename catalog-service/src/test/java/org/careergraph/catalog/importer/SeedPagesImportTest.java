package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.CareerPage.AiTool;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.CareerPage.EducationPath;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.careergraph.catalog.page.CareerPage.Qualification;
import org.careergraph.catalog.page.CareerPage.ToolImpact;
import org.careergraph.catalog.page.CareerPage.ToolKind;
import org.careergraph.catalog.page.CareerPage.VisaPathway;
import org.careergraph.catalog.page.LocalizedText;
import org.junit.jupiter.api.Test;

class SeedPagesImportTest {

    @Test
    void communityServicesWorkerReadsEverySection() throws IOException {
        ImportResult result = PageImporter.read(seed("000_9d7066477939e445.txt"));
        CareerPage page = result.page();

        assertEquals(new LocalizedText("社區服務工作者", "Community Services Worker"), page.title());
        assertEquals("ANZSCO", page.codeSystem());
        assertEquals("411215", page.code());
        assertEquals(List.of(), page.crosswalk());
        assertEquals(Boolean.TRUE, page.skilledMigration());
        assertEquals(new BigDecimal("7"), page.publishedOverallScore());
        assertTrue(page.summary().en().startsWith("Community service workers have stable demand"));
        assertNull(page.summary().zh());

        AiImpact ai = page.aiImpact();
        assertEquals(AiVerdict.MIXED, ai.verdict());
        assertTrue(ai.verdictText().zh().startsWith("社區服務工作者崗位受AI影響複雜"));
        assertEquals(4, ai.tools().size());
        assertEquals(new AiTool("ChatGPT", ToolKind.TOOL, ToolImpact.PARTIAL, 2022, LocalizedText.zh(
                "替代社區服務工作者撰寫個案報告、服務計劃、郵件回覆等文書工作,以及提供初步的情緒支持和資源信息。"), true),
                ai.tools().get(0));
        assertEquals("Woebot", ai.tools().get(1).name());
        assertEquals(ToolKind.PRODUCT, ai.tools().get(1).kind());
        assertEquals("IBM Watson for Social Services", ai.tools().get(2).name());
        assertEquals(ToolKind.PLATFORM, ai.tools().get(2).kind());
        assertFalse(ai.tools().get(2).hasSource());
        AiTool unnamed = ai.tools().get(3);
        assertNull(unnamed.name());
        assertNull(unnamed.year());
        assertNull(unnamed.kind());
        assertTrue(unnamed.description().zh().startsWith("替代社區服務工作者處理常見政策諮詢"));
        assertTrue(unnamed.hasSource());

        assertEquals(4, ai.tasksTakenOver().size());
        assertEquals(LocalizedText.zh("自動生成服務記錄、案例報告和合規文件"), ai.tasksTakenOver().get(0));
        assertEquals(4, ai.tasksAugmented().size());
        assertEquals(LocalizedText.zh("自動生成多語言宣傳材料和社區教育內容"), ai.tasksAugmented().get(3));
        assertEquals(4, ai.humanMoat().size());
        assertEquals(6, ai.skillsToBuild().size());
        assertEquals(LocalizedText.zh("基礎專案管理(協調多方資源)"), ai.skillsToBuild().get(5));
        assertTrue(ai.entryLevelOutlook().zh().startsWith("入門崗位(如個案助理、社區支援員)"));
        assertTrue(ai.levelUp().zh().startsWith("建議從直接服務轉向整合AI工具"));

        assertEquals(List.of(
                new PageSalaryBand("初級(0-3年)", 0, 3, new BigDecimal("48000"), new BigDecimal("58000"), "NZD",
                        "Usually requires completion of a relevant certificate or diploma"),
                new PageSalaryBand("中級(3-6年)", 3, 6, new BigDecimal("58000"), new BigDecimal("72000"), "NZD",
                        "Experienced and partially registered"),
                new PageSalaryBand("Senior (6+ years)", 6, null, new BigDecimal("72000"), new BigDecimal("90000"),
                        "NZD", "Including management or professional roles")), page.salaryBands());
        assertEquals(List.of(
                new EducationPath("Social services bachelor's diploma", "2-3 years", new BigDecimal("2"),
                        new BigDecimal("3"), new BigDecimal("25000"), new BigDecimal("35000"), "NZD"),
                new EducationPath("Community service work certificate", "1年", BigDecimal.ONE, BigDecimal.ONE,
                        new BigDecimal("8000"), new BigDecimal("12000"), "NZD")), page.educationPaths());
        assertEquals(List.of(
                new Qualification("New Zealand Social Work Registration", "Social Work Registration Board (SWRB)",
                        false),
                new Qualification("Level 1 First Aid certificate", "New Zealand Resuscitation Council", false),
                new Qualification("IELTS 6.5", "IDP or British Council", false)), page.qualifications());
        assertEquals(List.of("SMC", "Green List T2", "AEWV"), page.visaPathways().stream().map(VisaPathway::code)
                .toList());
        assertEquals(new VisaPathway("Green List T2", "Green List Tier 2 (Work to Residence)",
                "Community service workers are currently not on Tier 1 but meet Tier 2 conditions; can transition to"
                        + " residence after 2 years. Actual Green List should be checked for updates."),
                page.visaPathways().get(1));
        assertEquals("Skilled Migrant Category Resident Visa", page.visaPathways().get(0).name());

        assertEquals(3, page.suitableFor().size());
        assertEquals(LocalizedText.en("People with patience, responsibility, and empathy"), page.suitableFor().get(0));
        assertEquals(2, page.notSuitableFor().size());
        assertEquals(LocalizedText.en("People with low tolerance for emotional pressure"),
                page.notSuitableFor().get(1));
        assertTrue(page.careerProspects().en().startsWith("Entry-level roles can grow into case managers"));
        assertTrue(page.outlook().en().startsWith("New Zealand's social services sector is growing steadily"));
        assertEquals(List.of("Social Services Growth", "Aging Population", "Government Funding Increase",
                "Rural Demand"), page.growthAreas());
        assertEquals(2, page.faq().size());
        assertEquals(LocalizedText.en("How is the salary for community service workers?"),
                page.faq().get(0).question());
        assertTrue(page.faq().get(1).answer().en().startsWith("Currently this occupation is not on Green List"));
        assertTrue(page.dataSources().zh().startsWith("本頁薪資為綜合 Seek NZ"));

        assertEquals(List.of("growthAreas"), sections(result));
    }

    @Test
    void governmentCustomerServiceOfficerHasADecimalScoreAndAnUnnamedFirstTool() throws IOException {
        ImportResult result = PageImporter.read(seed("001_e2f39ad7adaf9cfd.txt"));
        CareerPage page = result.page();

        assertEquals(new LocalizedText("政府客戶服務官員", "Government Customer Service Officer"), page.title());
        assertEquals("541112", page.code());
        assertEquals(new BigDecimal("7.1"), page.publishedOverallScore());
        assertEquals(AiVerdict.COMPRESSED_BY_AUTOMATION, page.aiImpact().verdict());
        List<AiTool> tools = page.aiImpact().tools();
        assertEquals(6, tools.size());
        assertNull(tools.get(0).name());
        assertTrue(tools.get(0).description().zh().startsWith("替代了部分電話諮詢"));
        assertEquals(new AiTool("Australia's Robodebt Scheme (Robodebt AI)", ToolKind.TOOL, ToolImpact.MAJOR, 2016,
                tools.get(2).description(), false), tools.get(2));
        assertEquals("ChatGPT (OpenAI)", tools.get(5).name());
        assertEquals(5, page.aiImpact().tasksTakenOver().size());
        assertEquals(4, page.aiImpact().tasksAugmented().size());
        assertEquals(5, page.aiImpact().humanMoat().size());
        assertEquals(6, page.aiImpact().skillsToBuild().size());
        assertEquals(3, page.salaryBands().size());
        assertEquals(new PageSalaryBand("Senior (5+ years)", 5, null, new BigDecimal("70000"),
                new BigDecimal("85000"), "NZD", "Covering duties such as team leadership, policy support, etc."),
                page.salaryBands().get(2));
        assertEquals(List.of(
                new EducationPath("High school", "None", null, null, BigDecimal.ZERO, BigDecimal.ZERO, "NZD"),
                new EducationPath("Short-term training", "3 months", new BigDecimal("0.25"), new BigDecimal("0.25"),
                        new BigDecimal("500"), new BigDecimal("2000"), "NZD")), page.educationPaths());
        assertEquals(new Qualification("Customer service certificate", "ServicIQ or industry training providers",
                false), page.qualifications().get(1));
        assertEquals(List.of(new VisaPathway("AEWV", "Accredited Employer Work Visa",
                        "Must have a job offer from an accredited employer, salary not below the median (approx. NZD"
                                + " 29.66/hour in 2024)"),
                new VisaPathway("SMC", "Skilled Migrant Category", "If the occupation is at ANZSCO Skill Level 4-5,"
                        + " the salary must reach 1.5 times the median (approx $44.49 NZD/hour) to apply; or gain"
                        + " experience to advance to Skill Level 1-3 roles.")), page.visaPathways());
        assertEquals(3, page.suitableFor().size());
        assertEquals(2, page.notSuitableFor().size());
        assertEquals(List.of("Skilled Migrant Category", "AEWV", "Public Sector", "Regional Opportunities"),
                page.growthAreas());
        assertEquals(3, page.faq().size());
        assertEquals(List.of("growthAreas"), sections(result));
    }

    @Test
    void housingOfficerInTheCompactLayoutKeepsEveryBulletAndSaysWhatItGuessed() throws IOException {
        ImportResult result = PageImporter.read(seed("002_377fb8c0790bdfb2.txt"));
        CareerPage page = result.page();

        assertEquals(new LocalizedText("住房官員", "Housing Officer"), page.title());
        assertEquals("599614", page.code());
        assertEquals(Boolean.FALSE, page.skilledMigration());
        assertEquals(new BigDecimal("7"), page.publishedOverallScore());
        assertTrue(page.summary().en().startsWith("Housing officers manage social housing leases"));
        AiImpact ai = page.aiImpact();
        assertNull(ai.verdict());
        assertTrue(ai.verdictText().zh().startsWith("住房官員的核心職責"));

        assertEquals(6, ai.tools().size());
        assertTrue(ai.tools().stream().allMatch(t -> t.name() == null && t.year() == null && !t.hasSource()));
        assertTrue(ai.tools().get(5).description().zh().startsWith("替代了住房官員的維修協調"));

        assertEquals(5, ai.tasksTakenOver().size());
        assertEquals(5, ai.tasksAugmented().size());
        assertEquals(5, ai.humanMoat().size());
        assertEquals(6, ai.skillsToBuild().size());
        assertEquals(LocalizedText.zh("自動生成標準租賃合約、租金調整通知及維修工單"), ai.tasksTakenOver().get(0));
        assertEquals(LocalizedText.zh("AI輔助評估複雜租戶訴求,推薦個性化解決方案"), ai.tasksAugmented().get(0));
        assertEquals(LocalizedText.zh("自動分析政策法規變更,提醒合規要點"), ai.tasksAugmented().get(2));
        assertEquals(LocalizedText.zh("面對面處理租戶危機(如家庭暴力、精神健康問題)的人文關懷"), ai.humanMoat().get(0));
        assertEquals(LocalizedText.zh("客戶關係管理(CRM)系統操作與數據分析"), ai.skillsToBuild().get(0));
        assertEquals(LocalizedText.zh("專案管理與多任務優先級管理"), ai.skillsToBuild().get(5));
        assertTrue(ai.entryLevelOutlook().zh().startsWith("入門崗位(如住房助理、行政支援)"));
        assertTrue(ai.levelUp().zh().startsWith("從行政執行轉向『數字社工』角色"));

        assertEquals(3, page.salaryBands().size());
        assertEquals(new PageSalaryBand("中級(3-7年)", 3, 7, new BigDecimal("65000"), new BigDecimal("80000"), "NZD",
                "Annual salary range"), page.salaryBands().get(1));
        assertEquals(List.of(new EducationPath("Diploma or bachelor's degree", "1-3 years", BigDecimal.ONE,
                new BigDecimal("3"), new BigDecimal("8000"), new BigDecimal("30000"), "NZD")), page.educationPaths());
        assertEquals(List.of(
                new Qualification("New Zealand Certificate in Community Housing", "Community Housing Aotearoa", false),
                new Qualification("Public service license (if applicable).", "Relevant government agencies", false),
                new Qualification("Driver's license", "NZ Transport Agency", false)), page.qualifications());
        assertEquals(List.of(), page.visaPathways());
        assertTrue(page.immigrationNote().en().startsWith("Visa pathways depend on matching the specific duties"),
                "the note beside 非技術移民職業 is kept: " + page.immigrationNote());
        assertEquals(List.of(LocalizedText.en("Those passionate about social welfare and housing policy"),
                LocalizedText.en("People who enjoy communicating and problem-solving"),
                LocalizedText.en("Graduates interested in sustainability and social equity")), page.suitableFor());
        assertEquals(List.of(LocalizedText.en("Those seeking high salary or fast immigration."),
                LocalizedText.en("People unwilling to handle complex tenant relationships or administrative work")),
                page.notSuitableFor());
        assertTrue(page.careerProspects().en().startsWith("Junior housing officers"));
        assertTrue(page.outlook().en().startsWith("New Zealand's housing demand"));
        assertEquals(List.of("Government sector growth", "Social housing expansion", "Steady demand",
                "Limited overseas recruitment"), page.growthAreas());
        assertEquals(List.of(), page.faq());
        assertTrue(page.dataSources().zh().startsWith("本頁薪資為綜合"));

        assertEquals(List.of("aiImpact.tasksTakenOver", "aiImpact.tasksAugmented", "aiImpact.humanMoat",
                "aiImpact.skillsToBuild", "aiImpact.entryLevelOutlook", "aiImpact.verdict",
                "suitableFor", "growthAreas"), sections(result));
        assertTrue(result.warnings().get(0).message().contains("split 5 / 5 / 5 / 6"));
    }

    @Test
    void medicalSocialWorkerIsInDollarsWithUsVisas() throws IOException {
        ImportResult result = PageImporter.read(seed("003_b5e725612a6ba011.txt"));
        CareerPage page = result.page();

        assertEquals(LocalizedText.en("Medical social worker Healthcare Social Workers"), page.title());
        assertEquals("SOC", page.codeSystem());
        assertEquals("21-1022", page.code());
        assertEquals(new BigDecimal("6.8"), page.publishedOverallScore());
        assertEquals(AiVerdict.AMPLIFIED_BY_AI, page.aiImpact().verdict());
        assertEquals(5, page.aiImpact().tools().size());
        assertEquals("Crisis Text Line", page.aiImpact().tools().get(1).name());
        assertEquals(2013, page.aiImpact().tools().get(1).year());
        assertNull(page.aiImpact().tools().get(4).name());
        assertEquals(5, page.aiImpact().tasksTakenOver().size());
        assertEquals(5, page.aiImpact().tasksAugmented().size());
        assertEquals(5, page.aiImpact().humanMoat().size());
        assertEquals(6, page.aiImpact().skillsToBuild().size());
        assertTrue(page.salaryBands().stream().allMatch(b -> b.currency().equals("USD")));
        assertEquals(new PageSalaryBand("Mid-level (4-7 years)", 4, 7, new BigDecimal("62000"),
                new BigDecimal("78000"), "USD",
                "Experienced individuals can become case managers or clinical social workers"),
                page.salaryBands().get(1));
        assertEquals(8, page.salaryBands().get(2).yearsFrom());
        assertEquals(List.of(
                new EducationPath("Master's degree", "2年", new BigDecimal("2"), new BigDecimal("2"),
                        new BigDecimal("30000"), new BigDecimal("60000"), "USD"),
                new EducationPath("Bachelor's degree", "4年", new BigDecimal("4"), new BigDecimal("4"),
                        new BigDecimal("20000"), new BigDecimal("50000"), "USD")), page.educationPaths());
        assertEquals(List.of(new Qualification("Master of Social Work (MSW)", "CSWE-accredited institutions", true),
                new Qualification("State license (LCSW/LMSW)", "State social worker board", true)),
                page.qualifications());
        assertEquals(List.of("H-1B", "EB-2", "Green Card (PERM)"), page.visaPathways().stream()
                .map(VisaPathway::code).toList());
        assertEquals("H-1B Specialty Occupation", page.visaPathways().get(0).name());
        assertEquals("Employment-Based Second Preference (EB-2)", page.visaPathways().get(1).name());
        assertEquals("PERM Labor Certification", page.visaPathways().get(2).name());
        assertTrue(page.visaPathways().get(2).details().startsWith("Applying for an employment-based green card"));
        assertEquals(List.of("Aging population", "Chronic disease prevalence", "Integrated care models",
                "Mental health awareness"), page.growthAreas());
        assertEquals(3, page.faq().size());
        assertTrue(page.dataSources().en().startsWith("Salary ranges are estimates"));
        assertEquals(List.of("growthAreas"), sections(result));
    }

    @Test
    void itProjectCoordinatorHasAToolWithNoYear() throws IOException {
        ImportResult result = PageImporter.read(seed("004_760ba6cbf1386e58.txt"));
        CareerPage page = result.page();

        assertEquals(new LocalizedText("IT項目協調員", "IT Project Coordinator"), page.title());
        assertEquals("224211", page.code());
        assertEquals(new BigDecimal("6.8"), page.publishedOverallScore());
        List<AiTool> tools = page.aiImpact().tools();
        assertEquals(5, tools.size());
        assertEquals(new AiTool("Microsoft Project", ToolKind.PRODUCT, ToolImpact.PARTIAL, null,
                tools.get(3).description(), false), tools.get(3));
        assertEquals("Monday.com", tools.get(4).name());
        assertEquals(2012, tools.get(4).year());
        assertEquals(4, page.aiImpact().tasksTakenOver().size());
        assertEquals(6, page.aiImpact().skillsToBuild().size());
        assertEquals(new BigDecimal("130000"), page.salaryBands().get(2).max());
        assertEquals(3, page.educationPaths().size());
        assertEquals(new EducationPath("Master's degree (Project Management or IT)", "1-2 years", BigDecimal.ONE,
                new BigDecimal("2"), new BigDecimal("40000"), new BigDecimal("60000"), "NZD"),
                page.educationPaths().get(1));
        assertEquals(List.of(new Qualification("IELTS (Academic)", "IELTS", true),
                new Qualification("Project Management Professional (PMP)", "PMI", false),
                new Qualification("PRINCE2 Practitioner", "AXELOS", false),
                new Qualification("ITIL Foundation", "AXELOS", false)), page.qualifications());
        assertEquals(List.of("AEWV", "SMC", "Green List T2"), page.visaPathways().stream().map(VisaPathway::code)
                .toList());
        assertEquals(List.of("Skilled Migrant Category", "Accredited Employer Work Visa", "Digital Transformation",
                "Project Management"), page.growthAreas());
        assertEquals(List.of("growthAreas"), sections(result));
    }

    static List<String> sections(ImportResult result) {
        return result.warnings().stream().map(ImportWarning::section).toList();
    }

    static String seed(String file) throws IOException {
        try (InputStream in = SeedPagesImportTest.class.getClassLoader().getResourceAsStream("seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
