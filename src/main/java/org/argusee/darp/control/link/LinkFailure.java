package org.argusee.darp.control.link;

/** Why a link attempt failed, in words for the log and the link state. */
public class LinkFailure extends RuntimeException {

    public LinkFailure(String message) {
        super(message, null, false, false);
    }

    /** Why an attempt failed, in words: the failure's own message, or what a network error means. */
    public static String describe(Throwable e) {
        Throwable cause =
                e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof LinkFailure) {
            return cause.getMessage();
        }
        if (cause instanceof java.net.ConnectException) {
            return "cannot connect (refused or unreachable)";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The master refused the login or the token: log in again. */
    public static final class Unauthorized extends LinkFailure {
        public Unauthorized(String message) {
            super(message);
        }
    }

    /**
     * The master closed the stream because another connection logged in with this slave's tag (code 4409). A slave's
     * own reconnection never closes its live stream this way (it drops the old one first), so another server uses the
     * same tag: the next attempt waits as after a refused login, or the two would take the link from each other
     * every second.
     */
    public static final class Replaced extends LinkFailure {
        public Replaced(String message) {
            super(message);
        }
    }

    /** The master refuses logins from this address for a while (HTTP 429): the next attempt waits that long. */
    public static final class Throttled extends LinkFailure {
        private final transient java.time.Duration retryAfter;

        public Throttled(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }

        /** A Retry-After header's seconds; 60 s (the master's default window) when missing or not a number. */
        public static java.time.Duration seconds(String header) {
            try {
                long s = Long.parseLong(header == null ? "" : header.strip());
                return java.time.Duration.ofSeconds(Math.max(1, Math.min(s, 3600)));
            } catch (NumberFormatException e) {
                return java.time.Duration.ofSeconds(60);
            }
        }
    }
}
