package org.careergraph.catalog.release;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.careergraph.catalog.occupation.Provenance.Kind;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseRecords.NemCode;
import org.careergraph.catalog.release.ReleaseRecords.OnetOccupation;
import org.careergraph.catalog.release.ReleaseRecords.ProjectedOccupation;
import org.careergraph.catalog.release.ReleaseRecords.Translation;
import org.careergraph.catalog.release.ReleaseRecords.WageRow;

/**
 * The release series the catalog imports: who publishes each, under which licence, the attribution it asks for
 * wherever its data appears, the files a release comes in, and the record each of its rows (or codes) becomes.
 */
public enum Series {

    ONET("O*NET", "USDOL/ETA (National Center for O*NET Development)", "CC BY 4.0",
            "This page includes information from the O*NET %s Database by the U.S. Department of Labor, Employment"
                    + " and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a"
                    + " trademark of USDOL/ETA. Career Graph has modified all or some of this information. USDOL/ETA"
                    + " has not approved, endorsed, or tested these modifications.",
            OnetOccupation.class, List.of("Occupation Data", "Task Statements", "Job Zones", "Job Zone Reference",
            "Alternate Titles"), Kind.RELEASE),
    OEWS("BLS OEWS", "U.S. Bureau of Labor Statistics", "Public domain",
            "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, %s.",
            WageRow.class, List.of("national"), Kind.RELEASE),
    PROJECTIONS("BLS Employment Projections", "U.S. Bureau of Labor Statistics", "Public domain",
            "Source: U.S. Bureau of Labor Statistics, Employment Projections %s.",
            ProjectedOccupation.class, List.of("table 1.7"), Kind.RELEASE),
    CROSSWALK("O*NET-SOC to NEM crosswalk", "U.S. Bureau of Labor Statistics", "Public domain",
            "Source: U.S. Bureau of Labor Statistics, O*NET-SOC to National Employment Matrix crosswalk (%s).",
            NemCode.class, List.of("crosswalk"), Kind.RELEASE),
    ANZSCO("ANZSCO", "Australian Bureau of Statistics and Stats NZ", "CC BY 4.0",
            "Source: Australian Bureau of Statistics and Stats NZ, ANZSCO Version %s (2013), CC BY 4.0.",
            AnzscoOccupation.class, List.of("occupations"), Kind.RELEASE),
    LLM_EXPOSURE("GPTs are GPTs", "OpenAI (Eloundou, Manning, Mishkin, Rock)", "MIT",
            "Eloundou, T., Manning, S., Mishkin, P., Rock, D. (%s). GPTs are GPTs: Labor market impact potential of"
                    + " LLMs. Science 384(6702). Data: MIT License, Copyright (c) 2024 OpenAI.",
            OfficialRecord.LlmExposure.class, List.of("occ_level"), Kind.RELEASE),
    AI_APPLICABILITY("Working with AI", "Microsoft Research (Tomlinson, Jaffe, Wang, Counts, Suri)", "CC BY 4.0",
            "Tomlinson, K., Jaffe, S., Wang, W., Counts, S., Suri, S. (%s). Working with AI: Measuring the"
                    + " Occupational Implications of Generative AI. arXiv:2507.07935. Data: CC BY 4.0.",
            OfficialRecord.AiApplicability.class, List.of("ai_applicability_scores"), Kind.RELEASE),
    ZH_TITLES("Career Graph zh-Hant titles", "Career Graph (editorial translation)", "CC BY 4.0",
            "Traditional Chinese titles: Career Graph's editorial translation (%s), not the publishers';"
                    + " terms follow the Taiwan Standard Occupational Classification (rev. 6, 2010).",
            Translation.class, List.of("titles"), Kind.EDITORIAL_TRANSLATION);

    private final String title;
    private final String publisher;
    private final String licence;
    private final String attribution;
    private final Class<?> recordType;
    private final List<String> files;
    private final Kind kind;

    Series(String title, String publisher, String licence, String attribution, Class<?> recordType,
           List<String> files, Kind kind) {
        this.title = title;
        this.publisher = publisher;
        this.licence = licence;
        this.attribution = attribution;
        this.recordType = recordType;
        this.files = files;
        this.kind = kind;
    }

    public String title() {
        return title;
    }

    public String publisher() {
        return publisher;
    }

    public String licence() {
        return licence;
    }

    /** The attribution line to show wherever this release's data appears. */
    public String attribution(String release) {
        return attribution.formatted(release);
    }

    Class<?> recordType() {
        return recordType;
    }

    /** The files of a release: O*NET's by their names without extension (one file per table), the others' one file. */
    List<String> files() {
        return files;
    }

    /** A publisher's release, or our own editorial translation. */
    public Kind kind() {
        return kind;
    }

    public static Optional<Series> parse(String name) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.strip().replace('-', '_')))
                .findFirst();
    }
}
