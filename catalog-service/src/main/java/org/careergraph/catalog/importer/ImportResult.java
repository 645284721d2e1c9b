package org.careergraph.catalog.importer;

import java.util.List;
import org.careergraph.catalog.page.CareerPage;

/** A page read from its text, with everything the importer had to guess or could not place. */
public record ImportResult(CareerPage page, List<ImportWarning> warnings) {

    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
