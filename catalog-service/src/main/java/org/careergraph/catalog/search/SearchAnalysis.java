package org.careergraph.catalog.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How occupation text becomes terms. Each text goes to the languages its script shows, whatever field of
 * {@code LocalizedText} it came from: Han characters to the Chinese fields, other letters and digits to the English
 * fields, mixed text to both. Chinese is indexed twice: as words (smartcn) for precise, well-ranked matches, and as
 * character bigrams (CJK) so that a word the segmenter cut differently, e.g. 工作 inside 工作者, is still found.
 */
final class SearchAnalysis {

    static final String ID = "id";
    static final String TITLE_ZH = "title_zh";
    static final String TITLE_ZH_BIGRAMS = "title_zh_bigrams";
    static final String TITLE_EN = "title_en";
    static final String BODY_ZH = "body_zh";
    static final String BODY_ZH_BIGRAMS = "body_zh_bigrams";
    static final String BODY_EN = "body_en";
    static final String CODE_SYSTEM = "code_system";
    static final String CODE = "code";
    static final String SKILLED_MIGRATION = "skilled_migration";
    static final String VERDICT = "verdict";
    static final String ARCHIVED = "archived";
    static final String SCORE = "score";
    static final String GREEN_LIST_TIER = "green_list_tier";
    static final String TITLE_SORT = "title_sort";
    static final String ALTERNATE_EN = "alternate_en";
    static final String SKILL_LEVEL = "skill_level";
    static final String JOB_ZONE = "job_zone";
    static final String MAJOR_GROUP = "major_group";
    static final String MEDIAN_WAGE = "median_wage";
    static final String LLM_EXPOSURE = "llm_exposure";
    static final String EMPLOYMENT_CHANGE = "employment_change";
    static final String STORED_TITLE_ZH = "stored_title_zh";
    static final String STORED_TITLE_EN = "stored_title_en";

    private SearchAnalysis() {
    }

    /** A Han run of text or a run of anything else, in query order. */
    record Run(boolean han, String text) {
    }

    static Analyzer newAnalyzer() {
        Analyzer zhWords = new SimplifiedChinese(new SmartChineseAnalyzer());
        Analyzer zhBigrams = new SimplifiedChinese(new CJKAnalyzer());
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                TITLE_ZH, zhWords, BODY_ZH, zhWords,
                TITLE_ZH_BIGRAMS, zhBigrams, BODY_ZH_BIGRAMS, zhBigrams));
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(SearchAnalysis::isHan);
    }

    /** Letters or digits that are not Han, i.e. words for the English analyzer. */
    static boolean hasOtherWords(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) && !isHan(c));
    }

    /** Splits query text where it switches between Han and anything else, so that each part meets its analyzer. */
    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentHan = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean han = isHan(c);
            if (han != currentHan && !current.isEmpty()) {
                runs.add(new Run(currentHan, current.toString()));
                current.setLength(0);
            }
            currentHan = han;
            current.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentHan, current.toString()));
        }
        return runs;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * Converts Traditional to Simplified Chinese before the wrapped analyzer: smartcn's dictionary is Simplified, so
     * it would otherwise cut Traditional text into single characters. A Simplified query then finds a Traditional
     * page too.
     */
    private static final class SimplifiedChinese extends AnalyzerWrapper {

        /** Far enough apart that a phrase never runs from one list item into the next. */
        private static final int GAP_BETWEEN_VALUES = 100;

        /**
         * ICU's Traditional-Simplified transform, as a table of what it changes: the transform maps character by
         * character, and running the transform itself on every text took longer than all the rest of indexing.
         */
        private static final NormalizeCharMap TO_SIMPLIFIED = toSimplified();

        private final Analyzer delegate;

        SimplifiedChinese(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        private static NormalizeCharMap toSimplified() {
            Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
            NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
            for (String traditional : transform.getSourceSet()) {
                String simplified = transform.transliterate(traditional);
                if (!simplified.equals(traditional)) {
                    map.add(traditional, simplified);
                }
            }
            return map.build();
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected Reader wrapReader(String fieldName, Reader reader) {
            return new MappingCharFilter(TO_SIMPLIFIED, reader);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return GAP_BETWEEN_VALUES;
        }
    }
}
