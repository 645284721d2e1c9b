package org.careergraph.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.CareerPage.AiVerdict;
import org.careergraph.catalog.page.CareerPage.Faq;
import org.careergraph.catalog.page.LocalizedText;

/** A career page for search tests: a title and a code, and only the sections a test sets. */
final class PageFixture {

    private final LocalizedText title;
    private String codeSystem = "ANZSCO";
    private String code = "411215";
    private Boolean skilledMigration;
    private BigDecimal publishedScore;
    private LocalizedText summary;
    private AiVerdict verdict;
    private LocalizedText verdictText;
    private final List<LocalizedText> tasksTakenOver = new ArrayList<>();
    private final List<LocalizedText> tasksAugmented = new ArrayList<>();
    private final List<LocalizedText> humanMoat = new ArrayList<>();
    private final List<LocalizedText> skillsToBuild = new ArrayList<>();
    private final List<String> growthAreas = new ArrayList<>();
    private final List<Faq> faq = new ArrayList<>();

    private PageFixture(LocalizedText title) {
        this.title = title;
    }

    static PageFixture page(String titleZh, String titleEn) {
        return new PageFixture(new LocalizedText(titleZh, titleEn));
    }

    PageFixture code(String codeSystem, String code) {
        this.codeSystem = codeSystem;
        this.code = code;
        return this;
    }

    PageFixture skilledMigration(Boolean skilledMigration) {
        this.skilledMigration = skilledMigration;
        return this;
    }

    PageFixture publishedScore(String score) {
        this.publishedScore = new BigDecimal(score);
        return this;
    }

    PageFixture summary(LocalizedText summary) {
        this.summary = summary;
        return this;
    }

    PageFixture verdict(AiVerdict verdict, LocalizedText text) {
        this.verdict = verdict;
        this.verdictText = text;
        return this;
    }

    PageFixture taskTakenOver(LocalizedText task) {
        tasksTakenOver.add(task);
        return this;
    }

    PageFixture taskAugmented(LocalizedText task) {
        tasksAugmented.add(task);
        return this;
    }

    PageFixture humanMoat(LocalizedText moat) {
        humanMoat.add(moat);
        return this;
    }

    PageFixture skillToBuild(LocalizedText skill) {
        skillsToBuild.add(skill);
        return this;
    }

    PageFixture growthArea(String area) {
        growthAreas.add(area);
        return this;
    }

    PageFixture faq(LocalizedText question, LocalizedText answer) {
        faq.add(new Faq(question, answer));
        return this;
    }

    CareerPage build() {
        AiImpact ai = new AiImpact(verdict, verdictText, List.of(), List.copyOf(tasksTakenOver),
                List.copyOf(tasksAugmented), List.copyOf(humanMoat), List.copyOf(skillsToBuild), null, null);
        return new CareerPage(title, codeSystem, code, List.of(), skilledMigration, publishedScore, summary, ai,
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), null, null,
                List.copyOf(growthAreas), List.copyOf(faq), null, null);
    }

    IndexedOccupation indexed(String id) {
        return new IndexedOccupation(id, build(), false, null, null);
    }
}
