package org.careergraph.catalog.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.catalog.page.CareerPage.CrosswalkCode;
import org.careergraph.catalog.page.CareerPage.VisaPathway;
import org.careergraph.catalog.page.LocalizedText;

/**
 * The immigration section: visa pathways ("SMC Skilled Migrant Category Resident VisaMeet the 6-point…", or table
 * cells), the skilled-migration statement, and the occupation code repeated there (a different code is a crosswalk).
 */
final class ImmigrationReader {

    static final Pattern SKILLED = Pattern.compile(
            "^(非)?技術移民職業|^(non-skilled|not a skilled|skilled)[- ]migration occupation", Pattern.CASE_INSENSITIVE);
    /** As {@link PageImporter}'s code pattern, with a colon required: the system (group 2) is stripped by its user. */
    static final Pattern CODE = Pattern.compile("(?:職業代碼|職業分類代碼|occupation (?:classification )?code)\\s*+[:：]"
            + "\\s*+([^\\s(（]{1,32}+)\\s*+[(（]([^()（）]*+)[)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[.。,，;；:：\\s]++");
    /** A whole word (anchored, so that it is read once however it is matched). */
    private static final Pattern VISA_CODE_WORD = Pattern.compile(
            "^[(（]?(?=[A-Z0-9/-]*[A-Z]|\\d{3})[A-Z0-9][A-Z0-9/-]+[)）]?$");
    private static final List<String> HEADER = List.of("簽證詳情", "簽證途徑", "visa details", "visa pathways",
            "visas", "pathways");
    /** A visa's code is its first words up to one in capitals: "SMC", "Green List T2", "Green Card (PERM)". */
    private static final int LONGEST_CODE_WORDS = 3;

    record Immigration(List<VisaPathway> visas, List<CrosswalkCode> crosswalk, Boolean skilled, LocalizedText note) {
    }

    private ImmigrationReader() {
    }

    static Immigration read(List<String> lines, String codeSystem, String code, List<ImportWarning> warnings) {
        List<VisaPathway> visas = new ArrayList<>();
        List<CrosswalkCode> crosswalk = new ArrayList<>();
        Boolean skilled = null;
        LocalizedText note = null;
        for (String line : lines) {
            String text = PageText.flat(line);
            Matcher codeLine = CODE.matcher(text);
            Matcher skilledLine = SKILLED.matcher(text);
            if (PageText.isTableSeparator(line) || HEADER.contains(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (codeLine.find()) {
                sameOrCrosswalk(codeLine, codeSystem, code, crosswalk, warnings);
            } else if (skilledLine.find()) {
                skilled = skilledLine.group(2) != null ? skilledLine.group(2).equalsIgnoreCase("skilled")
                        : skilledLine.group(1) == null;
                String rest = LEADING_PUNCTUATION.matcher(text.substring(skilledLine.end())).replaceFirst("");
                if (!rest.isEmpty()) {
                    note = LocalizedText.of(rest);
                }
            } else {
                visa(line).ifPresentOrElse(visas::add,
                        () -> AiImpactReader.unplaced(warnings, Section.IMMIGRATION, line));
            }
        }
        return new Immigration(visas, crosswalk, skilled, note);
    }

    private static void sameOrCrosswalk(Matcher codeLine, String codeSystem, String code,
            List<CrosswalkCode> crosswalk, List<ImportWarning> warnings) {
        String otherCode = codeLine.group(1);
        String otherSystem = codeLine.group(2).strip().toUpperCase(Locale.ROOT);
        if (otherCode.equals(code) && otherSystem.equals(codeSystem)) {
            return;
        }
        boolean known = org.careergraph.events.CodeSystem.parse(otherSystem).filter(s -> s.isValidCode(otherCode))
                .isPresent();
        if (known) {
            crosswalk.add(new CrosswalkCode(otherSystem, otherCode));
        } else {
            warnings.add(new ImportWarning("crosswalk", "ignored the unknown or malformed code "
                    + otherCode + " (" + otherSystem + ") in the immigration section"));
        }
    }

    /** A visa row: code, name and details in cells, or run together after the code. */
    static Optional<VisaPathway> visa(String line) {
        List<String> cells = PageText.cells(line);
        if (cells.size() >= 3) {
            return Optional.of(new VisaPathway(cells.get(0), cells.get(1),
                    String.join(" ", cells.subList(2, cells.size()))));
        }
        if (cells.size() == 2) {
            return Optional.of(new VisaPathway(cells.get(0), null, cells.get(1)));
        }
        String[] words = PageText.flat(line).split(" ");
        for (int i = 0; i < Math.min(words.length, LONGEST_CODE_WORDS); i++) {
            if (VISA_CODE_WORD.matcher(words[i]).matches()) {
                String visaCode = String.join(" ", Arrays.asList(words).subList(0, i + 1));
                String rest = String.join(" ", Arrays.asList(words).subList(i + 1, words.length));
                int boundary = PageText.fieldBoundary(rest, 1);
                if (rest.isEmpty()) {
                    return Optional.of(new VisaPathway(visaCode, null, null));
                }
                return Optional.of(boundary < 0 ? new VisaPathway(visaCode, rest, null)
                        : new VisaPathway(visaCode, rest.substring(0, boundary).strip(),
                                rest.substring(boundary).strip()));
            }
        }
        return Optional.empty();
    }
}
