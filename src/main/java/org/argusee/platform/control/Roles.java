package org.argusee.platform.control;

import java.util.Set;

/** The roles a user can hold; the database refuses any other (user_role_valid). */
public final class Roles {

    /** Everything, including every write to the configuration. */
    public static final String ADMIN = "admin";
    /** Day-to-day operation: overrides, annotations, acknowledgements (used by later parts). */
    public static final String STAFF = "staff";
    /** Looking only. */
    public static final String USER = "user";

    public static final Set<String> ALL = Set.of(ADMIN, STAFF, USER);

    private Roles() {}
}
