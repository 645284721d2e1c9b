package org.careergraph.catalog.seed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.careergraph.catalog.ShippedFiles;
import org.careergraph.catalog.importer.PageImporter;
import org.careergraph.catalog.importer.PageImports;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.catalog.occupation.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the seed career pages shipped with the service: a page whose occupation does not exist or came only from
 * official releases (no page imported into it yet) is imported, so seeds merge into their official records after
 * the bundled releases ({@code BundledReleases} runs first); a page imported or edited once is left as it is, so
 * edits survive restarts.
 */
@Singleton
@Order(-50)
@Requires(property = "careergraph.catalog.load-seeds", value = "true")
class SeedLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);
    private static final String AUTHOR = "seed";

    private final OccupationService occupations;
    private final PageImports imports;

    SeedLoader(OccupationService occupations, PageImports imports) {
        this.occupations = occupations;
        this.imports = imports;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (String file : ShippedFiles.text("seeds/index.txt").lines().filter(l -> !l.isBlank() && l.endsWith(".txt")).toList()) {
            String text = ShippedFiles.text("seeds/" + file);
            String id = OccupationService.idOf(PageImporter.read(text).page());
            if (occupations.find(id).map(SeedLoader::onlyOfficial).orElse(true)) {
                PageImports.Outcome outcome = imports.importPage(text, AUTHOR);
                LOG.info("Loaded seed page {} as {} ({} warnings)", file, id, outcome.warnings().size());
            }
        }
    }

    /**
     * Made by releases alone: a release gave its title (an occupation from before sources were kept has no source
     * for it, and counts as edited) and no page was imported into it nor edited since.
     */
    private static boolean onlyOfficial(Occupation occupation) {
        Provenance.Source title = occupation.provenance().of("/title/en");
        return title != null && title.kind() == Provenance.Kind.RELEASE
                && occupation.provenance().fields().values().stream().allMatch(source ->
                source.kind() == Provenance.Kind.RELEASE || source.kind() == Provenance.Kind.EDITORIAL_TRANSLATION);
    }
}
