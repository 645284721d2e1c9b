package org.careergraph.security;

/** The roles a bearer token can carry in its {@code roles} claim. */
public final class Roles {

    /** Pushes policy updates, changes the scoring model, edits the catalog. */
    public static final String ADMIN = "ADMIN";
    /** Edits the catalog. */
    public static final String EDITOR = "EDITOR";
    /** Every role there is: what an identity provider's roles may be mapped to. */
    public static final java.util.List<String> ALL = java.util.List.of(ADMIN, EDITOR);

    private Roles() {
    }
}
