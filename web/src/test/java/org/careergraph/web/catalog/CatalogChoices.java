package org.careergraph.web.catalog;

import java.util.List;

/** The catalog form's choices (package-private in {@link CatalogController}), for tests in other packages. */
public final class CatalogChoices {

    public static final List<String> CODE_SYSTEMS = CatalogController.CODE_SYSTEMS;
    public static final List<String> VERDICTS = CatalogController.VERDICTS;
    public static final List<String> SORTS = CatalogController.SORTS;
    public static final List<Integer> LEVELS = CatalogController.LEVELS;

    private CatalogChoices() {
    }
}
