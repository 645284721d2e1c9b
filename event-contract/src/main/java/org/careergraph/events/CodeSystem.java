package org.careergraph.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The occupation classifications the system knows, each with the shape of its codes. */
public enum CodeSystem {

    /** Australian and New Zealand Standard Classification of Occupations: six digits, e.g. 411215. */
    ANZSCO("\\d{6}"),
    /**
     * US Standard Occupational Classification: e.g. 21-1022. An O*NET-SOC occupation is its SOC code when O*NET
     * ends it in {@code .00}, and keeps its suffix when it is an O*NET sub-occupation: {@code 15-2051.01}.
     */
    SOC("\\d{2}-\\d{4}(\\.(0[1-9]|[1-9]\\d))?"),
    /** New Zealand's National Occupation List: six digits. */
    NOL("\\d{6}"),
    /** Australia's Occupation Standard Classification (OSCA 2024): six digits. */
    OSCA("\\d{6}"),
    /** International Standard Classification of Occupations (ISCO-08): four digits. */
    ISCO("\\d{4}");

    private final Pattern codePattern;

    CodeSystem(String codePattern) {
        this.codePattern = Pattern.compile(codePattern);
    }

    public boolean isValidCode(String code) {
        return code != null && codePattern.matcher(code).matches();
    }

    /** The stable readable occupation id, {@code <codesystem>-<code>}, e.g. {@code anzsco-411215}. */
    public String occupationId(String code) {
        return name().toLowerCase(Locale.ROOT) + "-" + code;
    }

    public static Optional<CodeSystem> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }
}
