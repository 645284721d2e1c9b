package org.careergraph.immigration;

import io.micronaut.runtime.Micronaut;

/** Holds the effective-dated immigration rules and tells everyone when an occupation's status changes. */
public class ImmigrationApplication {

    public static void main(String[] args) {
        Micronaut.run(ImmigrationApplication.class, args);
    }
}
