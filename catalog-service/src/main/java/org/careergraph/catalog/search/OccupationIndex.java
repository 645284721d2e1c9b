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

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.math.BigDecimal;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.careergraph.catalog.search.SearchQuery.SortBy;
import org.careergraph.catalog.search.SearchResult.Hit;

/**
 * An in-memory full-text index of occupations, in Chinese and English. Safe to use from many threads: searches run
 * while others write, and a write is visible to every search that starts after it returned. Whoever owns the
 * occupations feeds it ({@link #put}, {@link #remove}); it can be rebuilt from them at any time ({@link #putAll}).
 */
@Singleton
public class OccupationIndex implements AutoCloseable {

    /** Titles weigh this much more than the rest of the page. */
    private static final float TITLE_BOOST = 5f;
    /** A Chinese match only by character pairs ranks below one on whole words. */
    private static final float BIGRAM_BOOST = 0.5f;
    /** Another name of the occupation (an O*NET alternate title) weighs between its title and its page. */
    private static final float ALTERNATE_BOOST = 2f;
    /** The query's words in the title's order weigh more than the same words anywhere in it. */
    private static final float PHRASE_BOOST = 10f;

    private final Directory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer = SearchAnalysis.newAnalyzer();
    private final QueryBuilder phrases = new QueryBuilder(analyzer);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** What a list shows of each occupation, by id: a hit is answered from here, not from the database. */
    private final Map<String, OccupationSummary> summaries = new ConcurrentHashMap<>();

    public OccupationIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the occupation, or replaces the one with its id. */
    public void put(IndexedOccupation occupation) {
        putAll(List.of(occupation));
    }

    /** Like {@link #put} for each, with one refresh at the end: for (re)building the whole index. */
    public void putAll(Collection<IndexedOccupation> occupations) {
        try {
            for (IndexedOccupation occupation : occupations) {
                OccupationSummary summary = OccupationSummary.of(occupation);
                writer.updateDocument(new Term(ID, occupation.id()), OccupationDocuments.toDocument(occupation, summary));
                summaries.put(occupation.id(), summary);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
            searchers.maybeRefreshBlocking();
            summaries.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchResult search(SearchQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery query) throws IOException {
        SortBy sortBy = query.effectiveSort();
        long end = ((long) query.page() + 1) * query.size();
        int wanted = (int) Math.max(1, Math.min(end, searcher.getIndexReader().maxDoc()));
        // An exact total, not Lucene's default lower bound above 1,000 hits.
        TopDocs top = searcher.search(luceneQuery(query),
                new TopFieldCollectorManager(sort(sortBy), wanted, null, Integer.MAX_VALUE));

        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        int first = (int) Math.min((long) query.page() * query.size(), top.scoreDocs.length);
        for (int i = first; i < top.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            Document doc = stored.document(scoreDoc.doc);
            // Sorted by fields, Lucene keeps the relevance only as the first sort value.
            Float score = sortBy == SortBy.RELEVANCE ? (Float) ((FieldDoc) scoreDoc).fields[0] : null;
            String id = doc.get(ID);
            OccupationSummary summary = summaries.get(id);
            if (summary != null) {
                hits.add(new Hit(id, score, summary));
            }
        }
        return new SearchResult(top.totalHits.value, hits);
    }

    private Query luceneQuery(SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        List<Query> textClauses = query.text() == null ? List.of() : textClauses(query.text());
        if (textClauses.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        textClauses.forEach(clause -> builder.add(clause, Occur.MUST));

        if (!query.includeArchived()) {
            builder.add(new TermQuery(new Term(ARCHIVED, "true")), Occur.MUST_NOT);
        }
        if (query.codeSystem() != null) {
            builder.add(KeywordField.newExactQuery(CODE_SYSTEM, query.codeSystem()), Occur.FILTER);
        }
        if (query.codePrefix() != null) {
            builder.add(new PrefixQuery(new Term(CODE, query.codePrefix())), Occur.FILTER);
        }
        if (query.skilledMigration() != null) {
            builder.add(new TermQuery(new Term(SKILLED_MIGRATION, query.skilledMigration().toString())),
                    Occur.FILTER);
        }
        if (query.verdict() != null) {
            builder.add(new TermQuery(new Term(VERDICT, query.verdict().name())), Occur.FILTER);
        }
        if (query.minScore() != null || query.maxScore() != null) {
            double min = query.minScore() == null ? Double.NEGATIVE_INFINITY : query.minScore().doubleValue();
            double max = query.maxScore() == null ? Double.POSITIVE_INFINITY : query.maxScore().doubleValue();
            builder.add(DoubleField.newRangeQuery(SCORE, min, max), Occur.FILTER);
        }
        if (query.greenListTier() != null) {
            builder.add(IntField.newExactQuery(GREEN_LIST_TIER, query.greenListTier()), Occur.FILTER);
        }
        if (query.majorGroup() != null) {
            builder.add(KeywordField.newExactQuery(MAJOR_GROUP, query.majorGroup()), Occur.FILTER);
        }
        if (query.skillLevel() != null) {
            builder.add(IntField.newExactQuery(SKILL_LEVEL, query.skillLevel()), Occur.FILTER);
        }
        if (query.jobZone() != null) {
            builder.add(IntField.newExactQuery(JOB_ZONE, query.jobZone()), Occur.FILTER);
        }
        range(builder, MEDIAN_WAGE, query.minWage(), query.maxWage());
        range(builder, LLM_EXPOSURE, query.minExposure(), query.maxExposure());
        return builder.build();
    }

    private static void range(BooleanQuery.Builder builder, String field, @Nullable BigDecimal min,
                              @Nullable BigDecimal max) {
        if (min != null || max != null) {
            builder.add(DoubleField.newRangeQuery(field, min == null ? Double.NEGATIVE_INFINITY : min.doubleValue(),
                    max == null ? Double.POSITIVE_INFINITY : max.doubleValue()), Occur.FILTER);
        }
    }

    /** How many occupations (not archived) each major group holds. */
    public Map<String, Integer> majorGroupCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (OccupationSummary summary : summaries.values()) {
            String group = OccupationDocuments.majorGroup(summary.codeSystem(), summary.code());
            if (!summary.archived() && group != null) {
                counts.merge(group, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * One required clause per English word and per run of Chinese, each matching the title or the rest of the page:
     * "社區 worker" finds a page with 社區 in its title and "workers" in a task.
     */
    private List<Query> textClauses(String text) {
        List<Query> clauses = new ArrayList<>();
        for (SearchAnalysis.Run run : SearchAnalysis.runs(text)) {
            if (run.han()) {
                chineseClause(run.text()).ifPresent(clauses::add);
            } else {
                // The words in a row, as a title writes them ("IT Project Coordinator"), rank that title first.
                Query phrase = phrases.createPhraseQuery(TITLE_EN, run.text());
                if (phrase instanceof PhraseQuery) {
                    clauses.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                            .add(new BoostQuery(phrase, PHRASE_BOOST), Occur.SHOULD).build());
                }
                for (String term : SearchAnalysis.terms(analyzer, TITLE_EN, run.text())) {
                    clauses.add(new BooleanQuery.Builder()
                            .add(new BoostQuery(new TermQuery(new Term(TITLE_EN, term)), TITLE_BOOST), Occur.SHOULD)
                            .add(new BoostQuery(new TermQuery(new Term(ALTERNATE_EN, term)), ALTERNATE_BOOST),
                                    Occur.SHOULD)
                            .add(new TermQuery(new Term(BODY_EN, term)), Occur.SHOULD)
                            .build());
                }
            }
        }
        return clauses;
    }

    /** All the run's words, or else its characters in a row. */
    private Optional<Query> chineseClause(String run) {
        List<String> words = SearchAnalysis.terms(analyzer, TITLE_ZH, run);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder allWords = new BooleanQuery.Builder();
        for (String word : words) {
            allWords.add(titleOrBody(new TermQuery(new Term(TITLE_ZH, word)), new TermQuery(new Term(BODY_ZH, word))),
                    Occur.MUST);
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(allWords.build(), Occur.SHOULD);
        Query titleBigrams = phrases.createPhraseQuery(TITLE_ZH_BIGRAMS, run);
        Query bodyBigrams = phrases.createPhraseQuery(BODY_ZH_BIGRAMS, run);
        if (titleBigrams != null && bodyBigrams != null) {
            either.add(new BoostQuery(titleOrBody(titleBigrams, bodyBigrams), BIGRAM_BOOST), Occur.SHOULD);
        }
        return Optional.of(either.build());
    }

    private static Query titleOrBody(Query title, Query body) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
                .add(body, Occur.SHOULD)
                .build();
    }

    /** Every order ends on the id, so that pages never overlap or skip when scores or titles tie. */
    private static Sort sort(SortBy sortBy) {
        SortField title = new SortField(TITLE_SORT, SortField.Type.STRING);
        SortField id = KeywordField.newSortField(ID, false, SortedSetSelector.Type.MIN);
        return switch (sortBy) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, title, id);
            case TITLE -> new Sort(title, id);
            case SCORE_DESC -> {
                SortField score = new SortedNumericSortField(SCORE, SortField.Type.DOUBLE, true);
                // Unscored occupations last.
                score.setMissingValue(Double.NEGATIVE_INFINITY);
                yield new Sort(score, title, id);
            }
            case CODE -> new Sort(
                    KeywordField.newSortField(CODE_SYSTEM, false, SortedSetSelector.Type.MIN),
                    KeywordField.newSortField(CODE, false, SortedSetSelector.Type.MIN),
                    id);
            case WAGE_DESC -> new Sort(descendingMissingLast(MEDIAN_WAGE), title, id);
            case EXPOSURE_DESC -> new Sort(descendingMissingLast(LLM_EXPOSURE), title, id);
            case EXPOSURE_ASC -> new Sort(ascendingMissingLast(LLM_EXPOSURE), title, id);
            case GROWTH_DESC -> new Sort(descendingMissingLast(EMPLOYMENT_CHANGE), title, id);
        };
    }

    private static SortField descendingMissingLast(String field) {
        SortField sort = new SortedNumericSortField(field, SortField.Type.DOUBLE, true);
        sort.setMissingValue(Double.NEGATIVE_INFINITY);
        return sort;
    }

    private static SortField ascendingMissingLast(String field) {
        SortField sort = new SortedNumericSortField(field, SortField.Type.DOUBLE, false);
        sort.setMissingValue(Double.POSITIVE_INFINITY);
        return sort;
    }

    @Override
    @PreDestroy
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        analyzer.close();
    }
}
