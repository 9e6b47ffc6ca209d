package org.argusee.security.boundary;

import java.util.Set;

/** A user to create, or the fields to change (null: unchanged). The password is write-only. */
public record UserInput(String username, String password, Set<String> roles, String fullName, Boolean enabled) {

    @Override
    public String toString() {
        return "UserInput[username=" + username + ", roles=" + roles + ", password="
                + (password == null ? "unchanged" : "***") + "]";
    }
}
