package org.argusee.security.control;

/**
 * A user was changed or removed (roles, password, enabled, or gone): fired inside the changing transaction and
 * observed after its commit by {@link SessionLogins}, so open sessions look their user up again at their next
 * request. Names the user only; never a password.
 */
public record UserChanged(String username) {}
