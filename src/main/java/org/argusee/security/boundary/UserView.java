package org.argusee.security.boundary;

import java.time.Instant;
import java.util.Set;
import org.argusee.security.entity.AppUser;

/** A user as the API shows it: never the password or its hash. */
public record UserView(String username, Set<String> roles, String fullName, boolean enabled, Instant createdAt) {

    static UserView of(AppUser u) {
        return new UserView(u.username(), u.roles(), u.fullName(), u.enabled(), u.createdAt());
    }
}
