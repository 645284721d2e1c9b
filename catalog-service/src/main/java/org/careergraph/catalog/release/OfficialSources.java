package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careergraph.catalog.occupation.Provenance.Source;
import org.careergraph.catalog.page.CareerPage.PageSalaryBand;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.page.OfficialRecord.Group;
import org.careergraph.catalog.page.OfficialRecord.Percentile;
import org.careergraph.catalog.page.OfficialRecord.Wage;
import org.careergraph.catalog.page.OfficialRecord.Wages;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseRecords.NemCode;
import org.careergraph.catalog.release.ReleaseRecords.OnetOccupation;
import org.careergraph.catalog.release.ReleaseRecords.ProjectedOccupation;
import org.careergraph.catalog.release.ReleaseRecords.Translation;
import org.careergraph.catalog.release.ReleaseRecords.WageRow;
import org.careergraph.catalog.release.ReleaseStore.StoredRelease;
import org.careergraph.events.CodeSystem;

/**
 * The releases in force, read once, and what they say of each occupation they define: every O*NET-SOC occupation
 * (SOC ids: {@code 21-1022.00} is {@code soc-21-1022}, a sub-occupation keeps its suffix, {@code soc-15-2051.01})
 * and every active ANZSCO occupation. Figures BLS publishes per SOC code are joined through the O*NET-SOC to NEM
 * crosswalk where it names a code (O*NET 13-1021 is paid as 13-1020), else through the first seven characters.
 */
final class OfficialSources {

    /** The SOC code BLS publishes its totals under. */
    private static final String ALL_OCCUPATIONS = "00-0000";

    private final Map<Series, StoredRelease> inForce;
    private final Map<String, OnetOccupation> onet;
    private final Map<String, AnzscoOccupation> anzsco;
    private final Map<String, WageRow> wages;
    private final Map<String, ProjectedOccupation> projections;
    private final Map<String, NemCode> crosswalk;
    private final Map<String, OfficialRecord.LlmExposure> llmExposure;
    private final Map<String, OfficialRecord.AiApplicability> aiApplicability;
    private final Map<String, Translation> titles;
    private final @Nullable Wages allOccupationsWages;
    private final OfficialRecord.@Nullable Projections allOccupationsProjections;

    private OfficialSources(ReleaseStore store, Map<Series, StoredRelease> inForce) {
        this.inForce = inForce;
        onet = records(store, Series.ONET, OnetOccupation.class);
        anzsco = records(store, Series.ANZSCO, AnzscoOccupation.class);
        wages = records(store, Series.OEWS, WageRow.class);
        projections = records(store, Series.PROJECTIONS, ProjectedOccupation.class);
        crosswalk = records(store, Series.CROSSWALK, NemCode.class);
        llmExposure = records(store, Series.LLM_EXPOSURE, OfficialRecord.LlmExposure.class);
        aiApplicability = records(store, Series.AI_APPLICABILITY, OfficialRecord.AiApplicability.class);
        titles = records(store, Series.ZH_TITLES, Translation.class);
        WageRow total = wages.get(ALL_OCCUPATIONS);
        allOccupationsWages = total == null ? null : total.wages();
        ProjectedOccupation projectedTotal = projections.get(ALL_OCCUPATIONS);
        allOccupationsProjections = projectedTotal == null ? null : projectedTotal.projections();
    }

    static OfficialSources load(ReleaseStore store) {
        return new OfficialSources(store, store.inForce());
    }

    private <T> Map<String, T> records(ReleaseStore store, Series series, Class<T> type) {
        StoredRelease release = inForce.get(series);
        return release == null ? Map.of() : store.records(release, type);
    }

    Map<Series, StoredRelease> inForce() {
        return inForce;
    }

    /** ANZSCO's occupations by code (retired ones too), as the release in force lists them. */
    Map<String, AnzscoOccupation> anzscoOccupations() {
        return anzsco;
    }

    /** The O*NET-SOC codes of the release in force. */
    Set<String> onetCodes() {
        return onet.keySet();
    }

    /** An occupation a release defines: its code system and code, and its O*NET-SOC code where it has one. */
    record Target(CodeSystem system, String code, @Nullable String onetCode) {

        String id() {
            return system.occupationId(code);
        }
    }

    /** What the releases say of one occupation, field by field, each with its source. */
    record Contribution(Map<String, Object> values, Map<String, Source> sources) {
    }

    /** Every occupation the releases in force define, O*NET-SOC first, then ANZSCO (retired codes left out). */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        onet.keySet().forEach(code -> targets.add(new Target(CodeSystem.SOC, socCode(code), code)));
        anzsco.values().stream().filter(o -> !o.retired())
                .forEach(o -> targets.add(new Target(CodeSystem.ANZSCO, o.code(), null)));
        return targets;
    }

    /** O*NET's {@code .00} is the SOC occupation itself; other suffixes are O*NET's own sub-occupations. */
    static String socCode(String onetCode) {
        return onetCode.endsWith(".00") ? onetCode.substring(0, 7) : onetCode;
    }

    static String onetCode(String socCode) {
        return socCode.length() == 7 ? socCode + ".00" : socCode;
    }

    Contribution contribution(Target target) {
        Fields fields = new Fields();
        if (target.system() == CodeSystem.ANZSCO) {
            AnzscoOccupation occupation = anzsco.get(target.code());
            fields.put(Series.ANZSCO, "/official/title", occupation.title());
            fields.put(Series.ANZSCO, "/title/en", occupation.title());
            fields.put(Series.ANZSCO, "/official/groups", occupation.groups());
            fields.put(Series.ANZSCO, "/skillLevel", occupation.skillLevel());
            fields.put(Series.ZH_TITLES, "/title/zh", title("ANZSCO", target.code()));
            return fields.contribution();
        }
        String code = target.onetCode();
        OnetOccupation occupation = onet.get(code);
        fields.put(Series.ONET, "/official/title", occupation.title());
        fields.put(Series.ONET, "/title/en", occupation.title());
        fields.put(Series.ONET, "/official/description",
                occupation.description().isEmpty() ? null : LocalizedText.en(occupation.description()));
        fields.put(Series.ONET, "/official/tasks", occupation.tasks());
        fields.put(Series.ONET, "/official/jobZone", occupation.jobZone());
        fields.put(Series.ONET, "/official/alternateTitles", occupation.alternateTitles());
        fields.put(Series.ZH_TITLES, "/title/zh", title("ONET", code));

        String soc = code.substring(0, 7);
        NemCode nem = crosswalk.get(code);
        String published = nem == null ? soc : nem.nemCode();
        WageRow wageRow = firstOf(wages, published, soc);
        fields.put(Series.OEWS, "/official/wages", wageRow == null ? null
                : wageRow.wages().withAllOccupations(allOccupationsWages));
        fields.put(Series.OEWS, "/salaryBands", wageRow == null ? null : bands(wageRow.wages()));
        fields.put(Series.OEWS, "/official/groups", socGroups(soc));
        ProjectedOccupation projected = firstOf(projections, published, soc);
        fields.put(Series.PROJECTIONS, "/official/projections", projected == null ? null
                : projected.projections().withAllOccupations(allOccupationsProjections));
        fields.put(Series.LLM_EXPOSURE, "/official/llmExposure", llmExposure.get(code));
        fields.put(Series.AI_APPLICABILITY, "/official/aiApplicability", firstOf(aiApplicability, soc, published));
        return fields.contribution();
    }

    private @Nullable String title(String system, String code) {
        Translation translation = titles.get(system + ":" + code);
        return translation == null ? null : translation.titleZh();
    }

    /** The SOC major, minor and broad groups of a code, as OEWS names them. */
    private List<Group> socGroups(String soc) {
        List<Group> groups = new ArrayList<>();
        String[][] levels = {{"major", soc.substring(0, 3) + "0000"}, {"minor", soc.substring(0, 5) + "00"},
                {"broad", soc.substring(0, 6) + "0"}};
        for (String[] level : levels) {
            WageRow row = wages.get(ReleaseReaders.wageKey(level[1], level[0]));
            if (row != null && !level[1].equals(soc)) {
                groups.add(new Group(level[0], level[1], row.wages().socTitle()));
            }
        }
        return groups;
    }

    /**
     * Three pay bands from the wage percentiles (entry 10th-25th, middle 25th-75th, experienced 75th-90th), in
     * annual US dollars; none unless all five annual percentiles are published (some are paid by the hour only).
     */
    static @Nullable List<PageSalaryBand> bands(Wages wages) {
        Map<Integer, Wage> annual = new LinkedHashMap<>();
        for (Percentile percentile : wages.percentiles()) {
            if (percentile.annual() != null) {
                annual.put(percentile.percentile(), percentile.annual());
            }
        }
        if (annual.keySet().size() < 5) {
            return null;
        }
        return List.of(band("Entry: 10th to 25th percentile", annual.get(10), annual.get(25)),
                band("Middle: 25th to 75th percentile", annual.get(25), annual.get(75)),
                band("Experienced: 75th to 90th percentile", annual.get(75), annual.get(90)));
    }

    private static PageSalaryBand band(String level, Wage min, Wage max) {
        String note = max.atLeast() ? "The top is at least " + max.amount().toPlainString()
                + " a year: BLS publishes no figure above it." : null;
        return new PageSalaryBand(level, null, null, min.amount(), max.amount(), "USD", note);
    }

    private static <T> @Nullable T firstOf(Map<String, T> records, String key, String otherKey) {
        T record = records.get(key);
        return record != null ? record : records.get(otherKey);
    }

    /** Collects the fields of the series in force; a series not in force says nothing (it removes nothing). */
    private final class Fields {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Source> sources = new LinkedHashMap<>();

        void put(Series series, String field, @Nullable Object value) {
            StoredRelease release = inForce.get(series);
            if (release == null) {
                return;
            }
            values.put(field, value instanceof List<?> list && list.isEmpty() ? null : value);
            sources.put(field, new Source(series.kind(), series.name(), release.label(), release.releasedOn(),
                    null, null));
        }

        Contribution contribution() {
            return new Contribution(values, sources);
        }
    }
}
