package org.careergraph.security;

/** The roles a bearer token can carry in its {@code roles} claim. */
public final class Roles {

    /** Pushes policy updates, changes the scoring model, edits the catalog. */
    public static final String ADMIN = "ADMIN";
    /** Edits the catalog. */
    public static final String EDITOR = "EDITOR";

    private Roles() {
    }
}
