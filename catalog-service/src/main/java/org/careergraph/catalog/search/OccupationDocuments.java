package org.careergraph.catalog.search;

import static org.careergraph.catalog.search.SearchAnalysis.ALTERNATE_EN;
import static org.careergraph.catalog.search.SearchAnalysis.ARCHIVED;
import static org.careergraph.catalog.search.SearchAnalysis.EMPLOYMENT_CHANGE;
import static org.careergraph.catalog.search.SearchAnalysis.JOB_ZONE;
import static org.careergraph.catalog.search.SearchAnalysis.LLM_EXPOSURE;
import static org.careergraph.catalog.search.SearchAnalysis.MAJOR_GROUP;
import static org.careergraph.catalog.search.SearchAnalysis.MEDIAN_WAGE;
import static org.careergraph.catalog.search.SearchAnalysis.SKILL_LEVEL;
import static org.careergraph.catalog.search.SearchAnalysis.BODY_EN;
import static org.careergraph.catalog.search.SearchAnalysis.BODY_ZH;
import static org.careergraph.catalog.search.SearchAnalysis.BODY_ZH_BIGRAMS;
import static org.careergraph.catalog.search.SearchAnalysis.CODE;
import static org.careergraph.catalog.search.SearchAnalysis.CODE_SYSTEM;
import static org.careergraph.catalog.search.SearchAnalysis.GREEN_LIST_TIER;
import static org.careergraph.catalog.search.SearchAnalysis.ID;
import static org.careergraph.catalog.search.SearchAnalysis.SCORE;
import static org.careergraph.catalog.search.SearchAnalysis.SKILLED_MIGRATION;
import static org.careergraph.catalog.search.SearchAnalysis.STORED_TITLE_EN;
import static org.careergraph.catalog.search.SearchAnalysis.STORED_TITLE_ZH;
import static org.careergraph.catalog.search.SearchAnalysis.TITLE_EN;
import static org.careergraph.catalog.search.SearchAnalysis.TITLE_SORT;
import static org.careergraph.catalog.search.SearchAnalysis.TITLE_ZH;
import static org.careergraph.catalog.search.SearchAnalysis.TITLE_ZH_BIGRAMS;
import static org.careergraph.catalog.search.SearchAnalysis.VERDICT;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.careergraph.catalog.page.CareerPage;
import org.careergraph.catalog.page.CareerPage.AiImpact;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.page.OfficialRecord;

/** Turns an occupation into the Lucene document the index searches, filters and sorts on. */
final class OccupationDocuments {

    private OccupationDocuments() {
    }

    static Document toDocument(IndexedOccupation occupation, OccupationSummary summary) {
        CareerPage page = occupation.page();
        Document doc = new Document();
        doc.add(new KeywordField(ID, occupation.id(), Field.Store.YES));

        addText(doc, texts(Stream.of(page.title())), TITLE_ZH, TITLE_ZH_BIGRAMS, TITLE_EN);
        OfficialRecord official = page.official();
        // Other names of the occupation: the classification's title where the page names it otherwise, and O*NET's
        // alternate titles, which people search by.
        if (official.title() != null) {
            doc.add(new TextField(ALTERNATE_EN, official.title(), Field.Store.NO));
        }
        official.alternateTitles().forEach(title -> doc.add(new TextField(ALTERNATE_EN, title, Field.Store.NO)));
        addText(doc, bodyTexts(page), BODY_ZH, BODY_ZH_BIGRAMS, BODY_EN);
        storeIfPresent(doc, STORED_TITLE_ZH, page.title().zh());
        storeIfPresent(doc, STORED_TITLE_EN, page.title().en());
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(titleSortKey(page.title()))));

        doc.add(new KeywordField(CODE_SYSTEM, page.codeSystem().toUpperCase(Locale.ROOT), Field.Store.YES));
        doc.add(new KeywordField(CODE, page.code(), Field.Store.YES));
        if (page.skilledMigration() != null) {
            doc.add(new StringField(SKILLED_MIGRATION, page.skilledMigration().toString(), Field.Store.NO));
        }
        if (page.aiImpact().verdict() != null) {
            doc.add(new StringField(VERDICT, page.aiImpact().verdict().name(), Field.Store.NO));
        }
        doc.add(new StringField(ARCHIVED, Boolean.toString(occupation.archived()), Field.Store.NO));
        BigDecimal score = occupation.effectiveScore();
        if (score != null) {
            doc.add(new DoubleField(SCORE, score.doubleValue(), Field.Store.NO));
        }
        if (occupation.greenListTier() != null) {
            doc.add(new IntField(GREEN_LIST_TIER, occupation.greenListTier(), Field.Store.NO));
        }
        if (occupation.skillLevel() != null) {
            doc.add(new IntField(SKILL_LEVEL, occupation.skillLevel(), Field.Store.NO));
        }
        if (official.jobZone() != null) {
            doc.add(new IntField(JOB_ZONE, official.jobZone().zone(), Field.Store.NO));
        }
        String majorGroup = majorGroup(page.codeSystem(), page.code());
        if (majorGroup != null) {
            doc.add(new KeywordField(MAJOR_GROUP, majorGroup, Field.Store.NO));
        }
        if (summary.medianWage() != null) {
            doc.add(new DoubleField(MEDIAN_WAGE, summary.medianWage().amount().doubleValue(), Field.Store.NO));
        }
        if (summary.llmExposure() != null) {
            doc.add(new DoubleField(LLM_EXPOSURE, summary.llmExposure().doubleValue(), Field.Store.NO));
        }
        if (summary.employmentChange() != null) {
            doc.add(new DoubleField(EMPLOYMENT_CHANGE, summary.employmentChange().doubleValue(), Field.Store.NO));
        }
        return doc;
    }

    /**
     * The major group of a code, from the code itself so that every occupation has one, whether or not a release
     * holds it: ANZSCO's first digit ({@code 2}), SOC's first two digits ({@code 15-0000}).
     */
    static @Nullable String majorGroup(String codeSystem, String code) {
        return switch (codeSystem.toUpperCase(Locale.ROOT)) {
            case "ANZSCO" -> code.substring(0, 1);
            case "SOC" -> code.substring(0, 2) + "-0000";
            default -> null;
        };
    }

    /** Everything but the titles that text search looks at; all weigh the same. */
    private static List<String> bodyTexts(CareerPage page) {
        AiImpact ai = page.aiImpact();
        Stream<LocalizedText> localized = Stream.of(
                        Stream.of(page.summary(), ai.verdictText(), page.official().description()),
                        page.official().tasks().stream().map(OfficialRecord.Task::text),
                        ai.tasksTakenOver().stream(),
                        ai.tasksAugmented().stream(),
                        ai.humanMoat().stream(),
                        ai.skillsToBuild().stream(),
                        page.faq().stream().flatMap(faq -> Stream.of(faq.question(), faq.answer())))
                .flatMap(s -> s);
        List<String> texts = texts(localized);
        texts.addAll(page.growthAreas());
        return texts;
    }

    private static List<String> texts(Stream<LocalizedText> localized) {
        List<String> texts = new ArrayList<>();
        localized.filter(text -> text != null).forEach(text -> {
            addIfPresent(texts, text.zh());
            addIfPresent(texts, text.en());
        });
        return texts;
    }

    private static void addText(Document doc, List<String> texts, String zhField, String zhBigramField,
                                String enField) {
        for (String text : texts) {
            if (SearchAnalysis.hasHan(text)) {
                doc.add(new TextField(zhField, text, Field.Store.NO));
                doc.add(new TextField(zhBigramField, text, Field.Store.NO));
            }
            if (SearchAnalysis.hasOtherWords(text)) {
                doc.add(new TextField(enField, text, Field.Store.NO));
            }
        }
    }

    /** The English title, case-insensitive; pages with only a Chinese title come after (Han sorts after Latin). */
    private static String titleSortKey(LocalizedText title) {
        return title.en() != null && !title.en().isBlank()
                ? title.en().toLowerCase(Locale.ROOT)
                : (title.zh() == null ? "" : title.zh());
    }

    private static void addIfPresent(List<String> texts, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }

    private static void storeIfPresent(Document doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }
}
