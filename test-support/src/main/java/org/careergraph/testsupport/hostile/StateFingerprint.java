package org.careergraph.testsupport.hostile;

import java.util.Map;

/** A fingerprint of what a service has stored, by part (table): equal fingerprints, nothing stored in between. */
@FunctionalInterface
public interface StateFingerprint {

    /** For a service without storage of its own (the web front). */
    StateFingerprint NONE = Map::of;

    Map<String, String> take();
}
