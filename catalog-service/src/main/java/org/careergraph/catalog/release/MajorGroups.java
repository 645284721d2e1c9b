package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.careergraph.catalog.page.LocalizedText;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseRecords.Translation;
import org.careergraph.catalog.release.ReleaseRecords.WageRow;
import org.careergraph.catalog.release.ReleaseStore.StoredRelease;
import org.careergraph.catalog.search.OccupationIndex;

/**
 * The major groups to browse the catalog by: ANZSCO's eight and SOC's twenty-two, named as their releases name them
 * (with our Traditional Chinese titles, an editorial translation), each with how many occupations it holds.
 */
@Controller("/api/occupations/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
class MajorGroups {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final ReleaseStore store;
    private final OccupationIndex index;
    private final Clock clock;
    private volatile Named named;

    MajorGroups(ReleaseStore store, OccupationIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /** A major group: its code system and code ({@code 2}, {@code 15-0000}), title, and occupations listed. */
    @Serdeable
    record MajorGroup(String codeSystem, String code, LocalizedText title, boolean titleZhIsEditorial,
                      int occupations) {
    }

    private record Named(Instant readAt, List<MajorGroup> groups) {
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<MajorGroup> list(@QueryValue @Nullable String codeSystem) {
        Map<String, Integer> counts = index.majorGroupCounts();
        return names().stream()
                .filter(g -> codeSystem == null || codeSystem.isBlank()
                        || g.codeSystem().equalsIgnoreCase(codeSystem.strip()))
                .map(g -> new MajorGroup(g.codeSystem(), g.code(), g.title(), g.titleZhIsEditorial(),
                        counts.getOrDefault(g.code(), 0)))
                .toList();
    }

    private List<MajorGroup> names() {
        Named held = named;
        if (held == null || held.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            held = new Named(clock.instant(), read());
            named = held;
        }
        return held.groups();
    }

    private List<MajorGroup> read() {
        Map<Series, StoredRelease> inForce = store.inForce();
        Map<String, Translation> zh = inForce.containsKey(Series.ZH_TITLES)
                ? store.records(inForce.get(Series.ZH_TITLES), Translation.class) : Map.of();
        List<MajorGroup> groups = new ArrayList<>();
        if (inForce.containsKey(Series.ANZSCO)) {
            Map<String, String> majors = new TreeMap<>();
            for (AnzscoOccupation occupation : store.records(inForce.get(Series.ANZSCO), AnzscoOccupation.class)
                    .values()) {
                occupation.groups().stream().filter(g -> g.level().equals("major"))
                        .forEach(g -> majors.putIfAbsent(g.code(), capitalised(g.title())));
            }
            majors.forEach((code, title) -> groups.add(group("ANZSCO", code, title, zh.get("ANZSCO_MAJOR:" + code))));
        }
        if (inForce.containsKey(Series.OEWS)) {
            store.records(inForce.get(Series.OEWS), WageRow.class).values().stream()
                    .filter(row -> row.group().equals("major"))
                    .map(WageRow::wages).sorted(Comparator.comparing(OfficialRecord.Wages::socCode))
                    .forEach(w -> groups.add(group("SOC", w.socCode(), w.socTitle(),
                            zh.get("SOC_MAJOR:" + w.socCode()))));
        }
        return groups;
    }

    private static MajorGroup group(String system, String code, String title, @Nullable Translation zh) {
        return new MajorGroup(system, code, new LocalizedText(zh == null ? null : zh.titleZh(), title), zh != null, 0);
    }

    /** ANZSCO writes its major groups in capitals ("PROFESSIONALS"). */
    private static String capitalised(String title) {
        return title.equals(title.toUpperCase(Locale.ROOT))
                ? title.charAt(0) + title.substring(1).toLowerCase(Locale.ROOT) : title;
    }
}
