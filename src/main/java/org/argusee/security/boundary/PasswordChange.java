package org.argusee.security.boundary;

/** The body of PUT /users/me/password: the password now and the new one. Both write-only, never printed. */
public record PasswordChange(String oldPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[oldPassword=***, newPassword=***]";
    }
}
