package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.careergraph.events.CodeSystem;

/**
 * What a rule sets, in which country, about what, and which values it takes. A rule is about an occupation (its code),
 * a keyed setting (one of {@link #keys()}, e.g. the median wage for RESIDENCE) or a single setting. A new rule is a
 * new constant here and a line in the status calculation that reads it.
 */
public enum RuleKind {

    // New Zealand: pay is measured per hour, in NZD.
    /** The median wage (NZD an hour) that thresholds are multiples of: for RESIDENCE (SMC, Green List) and AEWV. */
    MEDIAN_WAGE(Country.NZ, Subject.KEYED, Value.amount(1000), List.of("RESIDENCE", "AEWV")),
    /** Hours a week that turn a yearly salary into an hourly rate (INZ states yearly equivalents at 40). */
    STANDARD_WEEKLY_HOURS(Country.NZ, Subject.SETTING, Value.integer(1, 80), List.of()),
    /** The adult minimum wage, NZD an hour. */
    MINIMUM_WAGE(Country.NZ, Subject.SETTING, Value.amount(1000), List.of()),
    /** AEWV pay rule: MEDIAN (at least the AEWV median) or MARKET_RATE (the market rate, at least the minimum wage). */
    AEWV_WAGE_RULE(Country.NZ, Subject.SETTING, Value.choice("MEDIAN", "MARKET_RATE"), List.of()),
    /** Years of relevant work experience an AEWV applicant needs. */
    AEWV_EXPERIENCE_YEARS(Country.NZ, Subject.SETTING, Value.integer(0, 20), List.of()),
    /** The longest AEWV, in years, for a job at an ANZSCO skill level (the key, 1 to 5). */
    AEWV_VISA_YEARS(Country.NZ, Subject.KEYED, Value.integer(1, 10), List.of("1", "2", "3", "4", "5")),
    /** The code system AEWV and Job Check applications name occupations by. */
    AEWV_CODE_SYSTEM(Country.NZ, Subject.SETTING, Value.choice("ANZSCO", "NOL"), List.of()),
    /** Green List (Appendix 13): "1" Straight to Residence, "2" Work to Residence; null takes the role off the list. */
    GREEN_LIST_TIER(Country.NZ, Subject.OCCUPATION, Value.choice("1", "2"), List.of()),
    /** The pay a Green List role needs: "1.3x" (of the median) or an hourly amount in NZD; null: the median. */
    GREEN_LIST_PAY_THRESHOLD(Country.NZ, Subject.OCCUPATION, Value.multipleOrAmount(), List.of()),
    /** Whether a Green List role needs NZ occupational registration: "true" or "false". */
    GREEN_LIST_REGISTRATION(Country.NZ, Subject.OCCUPATION, Value.BOOLEAN, List.of()),
    /** Pay, as a multiple of the residence median, that opens Work to Residence to any role (the highly paid route). */
    HIGHLY_PAID_MULTIPLE(Country.NZ, Subject.SETTING, Value.multiple(), List.of()),
    /** SMC: points needed for residence, from one skill category plus NZ work. */
    SMC_POINTS_NEEDED(Country.NZ, Subject.SETTING, Value.integer(1, 20), List.of()),
    /** SMC: the pay, as a multiple of the residence median, that earns the points in the key. */
    SMC_INCOME_MULTIPLE(Country.NZ, Subject.KEYED, Value.multiple(), List.of("3", "4", "5", "6")),
    /** SMC: the points a qualification (the key) earns. */
    SMC_QUALIFICATION_POINTS(Country.NZ, Subject.KEYED, Value.integer(1, 10),
            List.of("BACHELOR", "POSTGRADUATE_CERTIFICATE", "HONOURS", "POSTGRADUATE_DIPLOMA", "MASTERS", "DOCTORATE")),
    /** SMC: the years of training behind an NZ occupational registration that earn the points in the key. */
    SMC_REGISTRATION_YEARS(Country.NZ, Subject.KEYED, Value.integer(1, 15), List.of("3", "4", "5", "6")),
    /** SMC: at most this many points for skilled work in NZ, one a year. */
    SMC_NZ_WORK_POINTS_MAX(Country.NZ, Subject.SETTING, Value.integer(0, 10), List.of()),
    /** SMC: the least pay, as a multiple of the residence median, for a job at an ANZSCO skill level (the key). */
    SMC_WAGE_MULTIPLE(Country.NZ, Subject.KEYED, Value.multiple(), List.of("1", "2", "3", "4", "5")),
    /** SMC: an extra pathway (the key) open, with the pay its NZ work needs as a multiple of the median; null closes. */
    SMC_PATHWAY(Country.NZ, Subject.KEYED, Value.multiple(), List.of("SKILLED_WORK_EXPERIENCE", "TRADES_AND_TECHNICIAN")),

    // United States: pay is measured per year, in USD.
    /** The median annual wage across all occupations (BLS OEWS), USD: not a visa rule, the reference pay is read against. */
    MEDIAN_ANNUAL_WAGE(Country.US, Subject.SETTING, Value.amount(10_000_000), List.of()),
    /** H-1B registrations selected a fiscal year: REGULAR, plus ADVANCED_DEGREE for US master's or higher. */
    H1B_CAP(Country.US, Subject.KEYED, Value.integer(0, 1_000_000), List.of("REGULAR", "ADVANCED_DEGREE")),
    /** H-1B weighted selection: entries a registration gets at an OFLC wage level (the key); none: one each. */
    H1B_SELECTION_ENTRIES(Country.US, Subject.KEYED, Value.integer(1, 10), List.of("I", "II", "III", "IV")),
    /** H-1B registration fee, USD. */
    H1B_REGISTRATION_FEE(Country.US, Subject.SETTING, Value.amount(100_000), List.of()),
    /** OFLC prevailing wage (USD a year) of an occupation at a wage level (the key): what places pay at a level. */
    PREVAILING_WAGE(Country.US, Subject.OCCUPATION_KEYED, Value.amount(10_000_000), List.of("I", "II", "III", "IV")),
    /** Whether EB-2 needs a PERM labor certification (unless a national interest waiver): "true" or "false". */
    EB2_PERM_REQUIRED(Country.US, Subject.SETTING, Value.BOOLEAN, List.of()),
    /** EB-2: years of progressive experience that make a bachelor's degree count as an advanced degree. */
    EB2_BACHELOR_EXPERIENCE_YEARS(Country.US, Subject.SETTING, Value.integer(0, 20), List.of()),
    /** Employment-based green cards a year, across all categories. */
    EMPLOYMENT_GREEN_CARDS_PER_YEAR(Country.US, Subject.SETTING, Value.integer(0, 10_000_000), List.of());

    /** What a rule is about. */
    public enum Subject {
        /** One occupation: code system and code, no key. */
        OCCUPATION,
        /** One occupation at one key: code system, code and key. */
        OCCUPATION_KEYED,
        /** One of the kind's keys, no code. */
        KEYED,
        /** The kind itself: no code, no key. */
        SETTING;

        public boolean namesOccupation() {
            return this == OCCUPATION || this == OCCUPATION_KEYED;
        }

        public boolean hasKey() {
            return this == KEYED || this == OCCUPATION_KEYED;
        }
    }

    private final Country country;
    private final Subject subject;
    private final Value value;
    private final List<String> keys;

    RuleKind(Country country, Subject subject, Value value, List<String> keys) {
        this.country = country;
        this.subject = subject;
        this.value = value;
        this.keys = keys;
    }

    public Country country() {
        return country;
    }

    public Subject subject() {
        return subject;
    }

    public List<String> keys() {
        return keys;
    }

    /** The code systems an occupation rule of this kind names occupations by: the Green List uses ANZSCO. */
    public Set<CodeSystem> codeSystems() {
        return country == Country.NZ ? Set.of(CodeSystem.ANZSCO) : Set.of(CodeSystem.SOC);
    }

    /** Why the value cannot be stored, if it cannot. Every rule may be removed (null) from a date. */
    public Optional<String> valueProblem(@Nullable String text) {
        return text == null ? Optional.empty() : value.problem(text.trim());
    }

    /** The value as stored: trimmed, numbers in plain notation, names in capitals. */
    public @Nullable String normalized(@Nullable String text) {
        return text == null ? null : value.normalize(text.trim());
    }

    public static List<RuleKind> of(Country country) {
        return Arrays.stream(values()).filter(k -> k.country == country).toList();
    }

    public static Optional<RuleKind> parse(@Nullable String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    /** A rule's value: its shape, its normal form and what it may be. */
    private record Value(String description, java.util.function.Function<String, Optional<String>> check,
                         java.util.function.UnaryOperator<String> normal) {

        static final Value BOOLEAN = choice("true", "false");

        Optional<String> problem(String text) {
            return check.apply(text);
        }

        String normalize(String text) {
            return normal.apply(text);
        }

        static Value choice(String... choices) {
            List<String> allowed = List.of(choices);
            return new Value("one of " + allowed, t -> allowed.stream().anyMatch(c -> c.equalsIgnoreCase(t))
                    ? Optional.empty() : Optional.of("must be one of " + allowed + " or null (removes the rule)"),
                    t -> allowed.stream().filter(c -> c.equalsIgnoreCase(t)).findFirst().orElse(t));
        }

        static Value integer(int min, int max) {
            String description = "a whole number from " + min + " to " + max;
            return new Value(description, t -> {
                try {
                    int n = Integer.parseInt(t);
                    return n >= min && n <= max ? Optional.empty() : Optional.of("must be " + description);
                } catch (NumberFormatException e) {
                    return Optional.of("must be " + description);
                }
            }, t -> String.valueOf(Integer.parseInt(t)));
        }

        /** An amount of money: more than 0, at most {@code max}, two decimals at most. */
        static Value amount(int max) {
            String description = "an amount above 0 and at most " + max + ", with at most two decimals";
            return new Value(description, t -> decimal(t, BigDecimal.valueOf(max), 2, description),
                    t -> new BigDecimal(t).toPlainString());
        }

        /** A multiple of the median wage, like 1.5: above 0, at most 10. */
        static Value multiple() {
            String description = "a multiple of the median above 0 and at most 10, like 1.5";
            return new Value(description, t -> decimal(t, BigDecimal.TEN, 3, description),
                    t -> new BigDecimal(t).stripTrailingZeros().toPlainString());
        }

        /** "1.3x" (a multiple of the median) or "45.50" (NZD an hour). */
        static Value multipleOrAmount() {
            String description = "a multiple of the median like \"1.3x\" or an hourly amount like \"45.50\"";
            return new Value(description, t -> {
                boolean multiple = t.toLowerCase(Locale.ROOT).endsWith("x");
                return multiple ? decimal(t.substring(0, t.length() - 1).trim(), BigDecimal.TEN, 3, description)
                        : decimal(t, BigDecimal.valueOf(1000), 2, description);
            }, t -> t.toLowerCase(Locale.ROOT).endsWith("x")
                    ? new BigDecimal(t.substring(0, t.length() - 1).trim()).stripTrailingZeros().toPlainString() + "x"
                    : new BigDecimal(t).toPlainString());
        }

        private static Optional<String> decimal(String text, BigDecimal max, int scale, String description) {
            try {
                BigDecimal number = new BigDecimal(text);
                boolean fits = number.signum() > 0 && number.compareTo(max) <= 0
                        && number.stripTrailingZeros().scale() <= scale;
                return fits ? Optional.empty() : Optional.of("must be " + description);
            } catch (NumberFormatException e) {
                return Optional.of("must be " + description);
            }
        }
    }
}
