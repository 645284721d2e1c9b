package org.careergraph.catalog.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.LocalizedText;

/**
 * Who the job suits and who it does not: "✓ 適合" / "✗ 不適合" blocks, or (compact layout) one unmarked list that
 * is split by order and wording, with a warning.
 */
final class Audience {

    private static final Pattern SUITS = Pattern.compile("^[✓✔☑]\\s*");
    private static final Pattern DOES_NOT_SUIT = Pattern.compile("^[✗✘×❌✕]\\s*");
    private static final Pattern SUITS_HEADING = Pattern.compile(
            "(適合|適合對象|適合誰|suitable( for)?|good fit( for)?|who it suits)[:：]?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOES_NOT_SUIT_HEADING = Pattern.compile(
            "(不適合|不適合對象|not suitable( for)?|not a good fit( for)?|who it does not suit)[:：]?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> NEGATIVE = List.of("unwilling", "not ", "n't", "dislike", "lack", "cannot",
            "unable", "low tolerance", "unaccustomed", "seeking high", "fast ", "rapid", "quick", "不願", "不喜歡", "缺乏",
            "無法", "不適", "不能", "追求高薪", "快速", "難以");
    private static final List<String> POSITIVE = List.of("enjoy", "passionate", "interested", "willing to", "good ",
            "able to", "with ", "possess", "empathetic", "want to", "喜歡", "熱愛", "有興趣", "願意", "具備", "擅長", "希望");

    record Lists(List<LocalizedText> suitable, List<LocalizedText> notSuitable) {
    }

    private Audience() {
    }

    static boolean isMarked(String line) {
        return SUITS.matcher(line).find() || DOES_NOT_SUIT.matcher(line).find();
    }

    static Lists read(List<String> lines, List<ImportWarning> warnings) {
        List<LocalizedText> suitable = new ArrayList<>();
        List<LocalizedText> notSuitable = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        List<LocalizedText> current = null;
        for (String line : lines) {
            String text = PageText.flat(line);
            boolean suits = SUITS.matcher(text).find();
            boolean doesNotSuit = DOES_NOT_SUIT.matcher(text).find();
            String rest = SUITS.matcher(DOES_NOT_SUIT.matcher(text).replaceFirst("")).replaceFirst("").strip();
            if (DOES_NOT_SUIT_HEADING.matcher(rest).matches()) {
                current = notSuitable;
            } else if (SUITS_HEADING.matcher(rest).matches()) {
                current = suitable;
            } else if (suits || doesNotSuit) {
                (suits ? suitable : notSuitable).add(PageText.localized(rest));
            } else {
                String item = PageText.isBullet(text) ? PageText.bulletText(text) : text;
                if (current != null) {
                    current.add(PageText.localized(item));
                } else {
                    unmarked.add(item);
                }
            }
        }
        if (!unmarked.isEmpty()) {
            int suitableCount = split(unmarked);
            unmarked.subList(0, suitableCount).forEach(i -> suitable.add(PageText.localized(i)));
            unmarked.subList(suitableCount, unmarked.size()).forEach(i -> notSuitable.add(PageText.localized(i)));
            warnings.add(new ImportWarning(Section.SUITABLE.path(), "no ✓ / ✗ markers: " + unmarked.size()
                    + " items were split by order and wording into " + suitableCount + " suitable and "
                    + (unmarked.size() - suitableCount) + " not suitable"));
        }
        return new Lists(suitable, notSuitable);
    }

    /**
     * How many of the leading items suit: the split that best agrees with their wording, the later one on a tie.
     * Each split's score is the one after it less twice the item it moves across: one pass, not one per split.
     */
    private static int split(List<String> items) {
        int[] leaning = items.stream().mapToInt(Audience::leaning).toArray();
        int score = Arrays.stream(leaning).sum();
        int best = items.size();
        int bestScore = score;
        for (int boundary = items.size() - 1; boundary >= 0; boundary--) {
            score -= 2 * leaning[boundary];
            if (score > bestScore) {
                bestScore = score;
                best = boundary;
            }
        }
        return best;
    }

    /** -1 for wording that turns people away (it wins: "unwilling to" contains "willing to"), 1 for inviting. */
    private static int leaning(String item) {
        String text = " " + item.toLowerCase(Locale.ROOT) + " ";
        if (NEGATIVE.stream().anyMatch(text::contains)) {
            return -1;
        }
        return POSITIVE.stream().anyMatch(text::contains) ? 1 : 0;
    }
}
