package org.argusee.darp.control.link;

/** Why a link attempt failed, in words for the log and the link state. */
public class LinkFailure extends RuntimeException {

    public LinkFailure(String message) {
        super(message, null, false, false);
    }

    /** The master refused the login or the token: log in again. */
    public static final class Unauthorized extends LinkFailure {
        public Unauthorized(String message) {
            super(message);
        }
    }
}
