package org.careergraph.catalog.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Growth areas, which pages run together ("Aging PopulationGovernment Funding Increase"): split at separators and
 * where a new capitalised word starts without a space, keeping acronyms ("AI", "NZ", "AEWV") and known camel-case
 * names ("LinkedIn", "FinTech") whole.
 */
final class GrowthAreas {

    private static final Pattern SEPARATORS = Pattern.compile("\\s*+[、,，;；|•·]\\s*+|\\s++/\\s++");
    private static final Pattern CAMEL_CASE_NAMES = Pattern.compile("LinkedIn|YouTube|PowerPoint|JavaScript|TypeScript"
            + "|GitHub|GitLab|iPhone|iPad|iOS|McKinsey|McDonald's|PayScale|ServicIQ|DevOps|SecOps|MLOps|FinTech|EdTech"
            + "|HealthTech|GovTech|PropTech|AgriTech|MedTech|InsurTech|RegTech|CleanTech|eCommerce|eHealth|OpenAI"
            + "|ChatGPT|DeepMind|PhD|SaaS|PaaS|IaaS|NZer|WorkSafe|StatsNZ|SkillsFuture|TikTok|WhatsApp");

    private GrowthAreas() {
    }

    static List<String> read(List<String> lines, List<ImportWarning> warnings) {
        List<String> areas = new ArrayList<>();
        boolean splitRunTogether = false;
        for (String line : lines) {
            String text = PageText.isBullet(line) ? PageText.bulletText(line) : PageText.flat(line);
            for (String part : SEPARATORS.split(text)) {
                if (part.isBlank()) {
                    continue;
                }
                List<String> words = splitRunTogether(part.strip());
                splitRunTogether |= words.size() > 1;
                areas.addAll(words);
            }
        }
        if (splitRunTogether) {
            warnings.add(new ImportWarning(Section.GROWTH.path(), "areas run together on the page were split where"
                    + " a capitalised word starts without a space: " + String.join(" | ", areas)));
        }
        return areas;
    }

    static List<String> splitRunTogether(String text) {
        boolean[] inName = new boolean[text.length() + 1];
        Matcher names = CAMEL_CASE_NAMES.matcher(text);
        while (names.find()) {
            for (int i = names.start() + 1; i < names.end(); i++) {
                inName[i] = true;
            }
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (!inName[i] && startsArea(text, i)) {
                parts.add(text.substring(start, i).strip());
                start = i;
            }
        }
        parts.add(text.substring(start).strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    /** The "s" of "NGOs" or "SMEsRural": an acronym's plural, not a new word. */
    private static boolean isPluralS(String text, int i) {
        return text.charAt(i) == 's' && (i + 1 == text.length() || !Character.isLowerCase(text.charAt(i + 1)));
    }

    /** "nA" (word then capital), "AIA|ging" (acronym then word), "4.0|Automation", ")|Next". */
    private static boolean startsArea(String text, int i) {
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        boolean lowerFollows = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))
                && !isPluralS(text, i + 1);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        return Character.isLowerCase(before)
                || Character.isUpperCase(before) && lowerFollows
                || (Character.isDigit(before) || before == ')') && lowerFollows;
    }
}
