package org.careergraph.catalog.release;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.careergraph.catalog.ShippedFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The releases shipped with the service ({@code releases/index.tsv}): on start, every one the catalog does not hold
 * yet is imported, all together in one import (so each occupation is created once, with everything its releases
 * say), before the seed pages merge into them; when it holds them all but they were applied by an older derivation,
 * the releases in force are applied once more. Runs before the HTTP server takes requests; the log shows progress.
 */
@Singleton
@Order(-100)
@Requires(property = "careergraph.catalog.load-releases", value = "true")
public class BundledReleases implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BundledReleases.class);
    /**
     * How this catalog derives pages from releases, raised when that changes (2: wages and projections carry their
     * release's all-occupations figures), so that a catalog holding every bundled release applies them once more and
     * its events carry what the new derivation adds.
     */
    static final int DERIVATION = 2;
    static final String AUTHOR = "bundled releases (derivation " + DERIVATION + ")";

    private final ReleaseImports imports;
    private final ReleaseStore store;

    BundledReleases(ReleaseImports imports, ReleaseStore store) {
        this.imports = imports;
        this.store = store;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Set<String> held = store.all().stream().map(r -> r.series() + "/" + r.label()).collect(Collectors.toSet());
        List<ParsedRelease> missing = new ArrayList<>();
        for (String[] entry : index()) {
            Series series = Series.parse(entry[0]).orElseThrow();
            if (!held.contains(series + "/" + entry[1])) {
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (String path : entry[3].split("\\|")) {
                    files.put(path.substring(path.lastIndexOf('/') + 1), bytes("releases/" + path));
                }
                missing.add(ReleaseReaders.read(series, files, entry[1], entry[2]));
            }
        }
        if (missing.isEmpty()) {
            if (imports.latest(100).stream().anyMatch(e -> e.status() == ImportLog.Status.APPLIED
                    && AUTHOR.equals(e.requestedBy()))) {
                return;
            }
            LOG.info("Applying the releases in force again: this catalog derives more from them than the one that "
                    + "imported them");
        } else {
            LOG.info("Importing the bundled releases: {}", missing.stream().map(ParsedRelease::name)
                    .collect(Collectors.joining(", ")));
        }
        ImportLog.Entry entry = imports.runNow(missing, AUTHOR);
        if (entry.status() != ImportLog.Status.APPLIED) {
            throw new IllegalStateException("The bundled releases could not be imported: "
                    + (entry.outcome() == null ? entry.status() : entry.outcome().message()));
        }
    }

    /** Series, release, date and files of each bundled release. */
    static List<String[]> index() {
        return ShippedFiles.text("releases/index.tsv").lines().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
    }

    static byte[] bytes(String resource) {
        return ShippedFiles.bytes(resource);
    }
}
