package org.careergraph.notification;

import io.micronaut.runtime.Micronaut;

/** Tells subscribers what changed about the occupations they watch, and why. */
public class NotificationApplication {

    public static void main(String[] args) {
        Micronaut.run(NotificationApplication.class, args);
    }
}
