package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.careergraph.events.CodeSystem;

/**
 * What a rule sets, in which country, about what, and which values it takes. A rule is about an occupation (its code),
 * a keyed setting (one of {@link #keys()}, e.g. the median wage for RESIDENCE) or a single setting. A new rule is a
 * new constant here, described in English and Chinese for the admins who set it (the rule-kinds endpoint lists them),
 * and a line in the status calculation that reads it.
 */
public enum RuleKind {

    // New Zealand: pay is measured per hour, in NZD.
    MEDIAN_WAGE(Country.NZ, Subject.KEYED, Value.amount(1000).in("NZD an hour"), List.of("RESIDENCE", "AEWV"),
            "The median wage that pay thresholds are multiples of: RESIDENCE (SMC, Green List, highly paid) or AEWV.",
            "各薪資門檻以其倍數計算的中位工資：RESIDENCE（技術移民、綠名單、高薪）或 AEWV。"),
    STANDARD_WEEKLY_HOURS(Country.NZ, Subject.SETTING, Value.integer(1, 80).in("hours a week"), List.of(),
            "Hours a week that turn a yearly salary into an hourly rate (INZ states yearly equivalents at 40).",
            "將年薪換算為時薪的每週工時（INZ 以 40 小時換算年薪）。"),
    MINIMUM_WAGE(Country.NZ, Subject.SETTING, Value.amount(1000).in("NZD an hour"), List.of(),
            "The adult minimum wage.", "成人最低工資。"),
    AEWV_WAGE_RULE(Country.NZ, Subject.SETTING, Value.choice("MEDIAN", "MARKET_RATE"), List.of(),
            "The AEWV pay rule: MEDIAN (at least the AEWV median) or MARKET_RATE (the market rate, at least the "
                    + "minimum wage).",
            "AEWV 工資規則：MEDIAN（不低於 AEWV 中位工資）或 MARKET_RATE（市場薪資，不低於最低工資）。"),
    AEWV_EXPERIENCE_YEARS(Country.NZ, Subject.SETTING, Value.integer(0, 20).in("years"), List.of(),
            "Years of relevant work experience an AEWV applicant needs.", "AEWV 申請人須具備的相關工作經驗年數。"),
    AEWV_VISA_YEARS(Country.NZ, Subject.KEYED, Value.integer(1, 10).in("years"), List.of("1", "2", "3", "4", "5"),
            "The longest AEWV for a job at an ANZSCO skill level (the key).",
            "某 ANZSCO 技能等級（鍵）職位的 AEWV 最長期限。"),
    AEWV_CODE_SYSTEM(Country.NZ, Subject.SETTING, Value.choice("ANZSCO", "NOL"), List.of(),
            "The code system AEWV and Job Check applications name occupations by.",
            "AEWV 與職位審核申請指稱職業所用的代碼系統。"),
    GREEN_LIST_TIER(Country.NZ, Subject.OCCUPATION, Value.choice("1", "2").in("tier"), List.of(),
            "Green List (Appendix 13): 1 Straight to Residence, 2 Work to Residence; null takes the role off the list.",
            "綠名單（附錄 13）：1 直接居留，2 工作轉居留；null 將職位移出綠名單。"),
    GREEN_LIST_PAY_THRESHOLD(Country.NZ, Subject.OCCUPATION, Value.multipleOrAmount(), List.of(),
            "The pay a Green List role needs: a multiple of the residence median or an hourly amount in NZD; none: "
                    + "the median.",
            "綠名單職位須達到的薪資：居留中位工資的倍數或紐幣時薪金額；未設定時為中位工資。"),
    GREEN_LIST_REGISTRATION(Country.NZ, Subject.OCCUPATION, Value.BOOLEAN, List.of(),
            "Whether a Green List role needs NZ occupational registration.", "綠名單職位是否須取得紐西蘭職業註冊。"),
    HIGHLY_PAID_MULTIPLE(Country.NZ, Subject.SETTING, Value.multiple(), List.of(),
            "Pay, as a multiple of the residence median, that opens Work to Residence to any role (the highly paid "
                    + "route).",
            "任何職位可走工作轉居留（高薪途徑）所需的薪資，以居留中位工資的倍數表示。"),
    SMC_POINTS_NEEDED(Country.NZ, Subject.SETTING, Value.integer(1, 20).in("points"), List.of(),
            "SMC: points needed for residence, from one skill category plus NZ work.",
            "技術移民類別：申請居留所需分數，來自單一技能類別加上紐西蘭工作經驗。"),
    SMC_INCOME_MULTIPLE(Country.NZ, Subject.KEYED, Value.multiple(), List.of("3", "4", "5", "6"),
            "SMC: the pay, as a multiple of the residence median, that earns the points in the key.",
            "技術移民類別：取得鍵所示分數所需的薪資，以居留中位工資的倍數表示。"),
    SMC_QUALIFICATION_POINTS(Country.NZ, Subject.KEYED, Value.integer(1, 10).in("points"),
            List.of("BACHELOR", "POSTGRADUATE_CERTIFICATE", "HONOURS", "POSTGRADUATE_DIPLOMA", "MASTERS", "DOCTORATE"),
            "SMC: the points a qualification (the key) earns.", "技術移民類別：某學歷（鍵）可得的分數。"),
    SMC_REGISTRATION_YEARS(Country.NZ, Subject.KEYED, Value.integer(1, 15).in("years of training"),
            List.of("3", "4", "5", "6"),
            "SMC: the years of training behind an NZ occupational registration that earn the points in the key.",
            "技術移民類別：紐西蘭職業註冊背後取得鍵所示分數所需的培訓年數。"),
    SMC_NZ_WORK_POINTS_MAX(Country.NZ, Subject.SETTING, Value.integer(0, 10).in("points"), List.of(),
            "SMC: at most this many points for skilled work in NZ, one a year.",
            "技術移民類別：紐西蘭技術工作每年 1 分，最多可得的分數。"),
    SMC_WAGE_MULTIPLE(Country.NZ, Subject.KEYED, Value.multiple(), List.of("1", "2", "3", "4", "5"),
            "SMC: the least pay, as a multiple of the residence median, for a job at an ANZSCO skill level (the key).",
            "技術移民類別：某 ANZSCO 技能等級（鍵）職位的最低薪資，以居留中位工資的倍數表示。"),
    SMC_PATHWAY(Country.NZ, Subject.KEYED, Value.multiple(), List.of("SKILLED_WORK_EXPERIENCE", "TRADES_AND_TECHNICIAN"),
            "SMC: an extra pathway (the key) open, with the pay its NZ work needs as a multiple of the median; null "
                    + "closes it.",
            "技術移民類別：開放的額外途徑（鍵），其紐西蘭工作所需薪資以中位工資的倍數表示；null 關閉該途徑。"),

    // United States: pay is measured per year, in USD.
    MEDIAN_ANNUAL_WAGE(Country.US, Subject.SETTING, Value.amount(10_000_000).in("USD a year"), List.of(),
            "The median annual wage across all occupations (BLS OEWS): not a visa rule, the reference pay is read "
                    + "against.",
            "全部職業的年薪中位數（BLS OEWS）：並非簽證規則，而是衡量薪資的參考。"),
    H1B_CAP(Country.US, Subject.KEYED, Value.integer(0, 1_000_000).in("registrations a fiscal year"),
            List.of("REGULAR", "ADVANCED_DEGREE"),
            "H-1B registrations selected a fiscal year: REGULAR, plus ADVANCED_DEGREE for US master's or higher.",
            "每財政年度抽中的 H-1B 登記數：REGULAR，另加美國碩士或以上學位的 ADVANCED_DEGREE。"),
    H1B_SELECTION_ENTRIES(Country.US, Subject.KEYED, Value.integer(1, 10).in("entries"),
            List.of("I", "II", "III", "IV"),
            "H-1B weighted selection: entries a registration gets at an OFLC wage level (the key); none: one each.",
            "H-1B 加權抽籤：某 OFLC 工資等級（鍵）的登記可得的抽籤次數；未設定時每份一次。"),
    H1B_REGISTRATION_FEE(Country.US, Subject.SETTING, Value.amount(100_000).in("USD"), List.of(),
            "The H-1B registration fee.", "H-1B 登記費。"),
    PREVAILING_WAGE(Country.US, Subject.OCCUPATION_KEYED, Value.amount(10_000_000).in("USD a year"),
            List.of("I", "II", "III", "IV"),
            "The OFLC prevailing wage of an occupation at a wage level (the key): what places pay at a level.",
            "某職業在某工資等級（鍵）的 OFLC 現行工資：用以判定薪資所屬等級。"),
    EB2_PERM_REQUIRED(Country.US, Subject.SETTING, Value.BOOLEAN, List.of(),
            "Whether EB-2 needs a PERM labor certification (unless a national interest waiver applies).",
            "EB-2 是否須取得 PERM 勞工證明（國家利益豁免除外）。"),
    EB2_BACHELOR_EXPERIENCE_YEARS(Country.US, Subject.SETTING, Value.integer(0, 20).in("years"), List.of(),
            "EB-2: years of progressive experience that make a bachelor's degree count as an advanced degree.",
            "EB-2：使學士學位視同高等學位所需的遞進工作經驗年數。"),
    EMPLOYMENT_GREEN_CARDS_PER_YEAR(Country.US, Subject.SETTING, Value.integer(0, 10_000_000).in("green cards a year"),
            List.of(), "Employment-based green cards a year, across all categories.", "各類職業移民綠卡的年度總數。");

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
    private final String descriptionEn;
    private final String descriptionZh;

    RuleKind(Country country, Subject subject, Value value, List<String> keys, String descriptionEn,
             String descriptionZh) {
        this.country = country;
        this.subject = subject;
        this.value = value;
        this.keys = keys;
        this.descriptionEn = descriptionEn;
        this.descriptionZh = descriptionZh;
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

    /** The code system an occupation rule of this kind names occupations by: the Green List uses ANZSCO. */
    public CodeSystem codeSystem() {
        return country == Country.NZ ? CodeSystem.ANZSCO : CodeSystem.SOC;
    }

    /** What the value measures and the values allowed, e.g. "NZD an hour: an amount above 0 and at most 1000, ...". */
    public String valueFormat() {
        return value.format();
    }

    /** What the kind sets, for the admins who set it. */
    public String descriptionEn() {
        return descriptionEn;
    }

    public String descriptionZh() {
        return descriptionZh;
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

    /**
     * A rule's value: its shape, its normal form and what it may be; {@code unit} (null: none) says what a number
     * counts, for the form an admin fills in (problems name the shape alone).
     */
    private record Value(String description, @Nullable String unit,
                         java.util.function.Function<String, Optional<String>> check,
                         java.util.function.UnaryOperator<String> normal) {

        static final Value BOOLEAN = choice("true", "false");

        Value(String description, java.util.function.Function<String, Optional<String>> check,
              java.util.function.UnaryOperator<String> normal) {
            this(description, null, check, normal);
        }

        Value in(String unitOfValue) {
            return new Value(description, unitOfValue, check, normal);
        }

        String format() {
            return unit == null ? description : unit + ": " + description;
        }

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
