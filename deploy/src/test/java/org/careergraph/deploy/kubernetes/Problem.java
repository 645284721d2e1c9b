package org.careergraph.deploy.kubernetes;

/**
 * One thing wrong with the manifests: which rule, which object (kind and name, with the container where it matters),
 * and what.
 */
record Problem(String rule, String object, String detail) {

    @Override
    public String toString() {
        return "[" + rule + "] " + object + ": " + detail;
    }
}
