package org.careergraph.catalog.occupation;

import java.util.List;

/** The attribution lines the publishers ask for, for the releases an occupation's values came from. */
public interface Attributions {

    List<String> of(Provenance provenance);

    /** The release a source names, as readers know it: "BLS OEWS May 2024"; an edit's "editorial". */
    String releaseName(Provenance.Source source);
}
