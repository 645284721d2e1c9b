package org.careergraph.catalog.occupation;

import java.util.List;

/** The attribution lines the publishers ask for, for the releases an occupation's values came from. */
public interface Attributions {

    List<String> of(Provenance provenance);
}
