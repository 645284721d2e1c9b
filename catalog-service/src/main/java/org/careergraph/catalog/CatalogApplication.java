package org.careergraph.catalog;

import io.micronaut.runtime.Micronaut;

/** Holds the occupation pages and publishes every change to them. */
public class CatalogApplication {

    public static void main(String[] args) {
        Micronaut.run(CatalogApplication.class, args);
    }
}
