package org.careergraph.scoring;

import io.micronaut.runtime.Micronaut;

/** Rates every occupation and re-rates it whenever one of its inputs changes. */
public class ScoringApplication {

    public static void main(String[] args) {
        Micronaut.run(ScoringApplication.class, args);
    }
}
