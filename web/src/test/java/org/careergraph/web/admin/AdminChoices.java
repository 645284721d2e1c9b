package org.careergraph.web.admin;

import java.util.List;

/** The admin console's choices (package-private in {@link PolicyController}), for tests in other packages. */
public final class AdminChoices {

    public static final List<String> COUNTRIES = PolicyController.COUNTRIES;
    public static final List<String> DEAD_LETTER_STATES = DeadLetterController.STATES;
    public static final List<String> DEAD_LETTER_OUTCOMES = DeadLetterController.DONE;

    private AdminChoices() {
    }
}
