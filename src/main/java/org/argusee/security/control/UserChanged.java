package org.argusee.security.control;

/**
 * A user was changed (roles, password, enabled) or removed; fired by the user administration, observed after the
 * commit ({@code during = AFTER_SUCCESS}): logins held by sessions are checked again at their next request
 * ({@link SessionLogins}), and whatever keeps a user's connections open closes them.
 */
public record UserChanged(String username) {}
