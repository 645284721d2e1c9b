package org.careergraph.catalog.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.CareerPage.Faq;
import org.careergraph.catalog.page.LocalizedText;

/**
 * Question and answer pairs: a question line ends with "?" or "？" (or starts "Q:" / "問:"); the lines after it are
 * its answer. A question in one language right after one in the other, with no answer between, is its translation.
 */
final class FaqReader {

    private static final Pattern QUESTION_PREFIX = Pattern.compile("^(?:\\*\\*)?(?:Q\\d*|問)\\s*[:：.．]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSWER_PREFIX = Pattern.compile("^(?:\\*\\*)?(?:A\\d*|答)\\s*[:：.．]\\s*(?:\\*\\*)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BOLD = Pattern.compile("\\*\\*");

    private FaqReader() {
    }

    static List<Faq> read(List<String> lines, List<ImportWarning> warnings) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : lines) {
            String text = PageText.isBullet(line) ? PageText.bulletText(line) : PageText.flat(line);
            boolean prefixed = QUESTION_PREFIX.matcher(text).find();
            text = BOLD.matcher(ANSWER_PREFIX.matcher(QUESTION_PREFIX.matcher(text).replaceFirst("")).replaceFirst(""))
                    .replaceAll("").strip();
            if (text.isEmpty()) {
                continue;
            }
            if (prefixed || text.endsWith("?") || text.endsWith("？")) {
                if (current != null && current.answer.isEmpty() && current.translates(text)) {
                    current.question.add(text);
                } else {
                    current = new Entry();
                    current.question.add(text);
                    entries.add(current);
                }
            } else if (current == null) {
                AiImpactReader.unplaced(warnings, Section.FAQ, line);
            } else {
                current.answer.add(text);
            }
        }
        List<Faq> faq = new ArrayList<>();
        for (Entry entry : entries) {
            LocalizedText question = PageText.paragraphs(entry.question);
            LocalizedText answer = PageText.paragraphs(entry.answer);
            if (answer == null) {
                warnings.add(new ImportWarning(Section.FAQ.path(), "the question \""
                        + PageText.shorten(entry.question.get(0)) + "\" has no answer"));
                answer = new LocalizedText(null, null);
            }
            faq.add(new Faq(question, answer));
        }
        return faq;
    }

    private static final class Entry {
        private final List<String> question = new ArrayList<>();
        private final List<String> answer = new ArrayList<>();

        boolean translates(String otherQuestion) {
            boolean chinese = PageText.isChinese(otherQuestion);
            return question.stream().noneMatch(q -> PageText.isChinese(q) == chinese);
        }
    }
}
