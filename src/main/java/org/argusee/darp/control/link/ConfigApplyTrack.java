package org.argusee.darp.control.link;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the config fetched last from the master is applied on this slave, for the log and the DARP view. A config
 * that cannot be applied (the slave's database away, say) is fetched again every few seconds; the operator hears of
 * it once per version, with the reason, and once more when it is applied; meanwhile the DARP view names it, because
 * the slave probes from its old config. Thread-safe: the link's thread and the executor's both call it.
 */
public final class ConfigApplyTrack {

    /** A version not applied: why, since when, how many tries. */
    public record NotApplied(String version, String master, String reason, Instant since, int tries) {

        /** For the DARP view: "config v… from master m not applied: reason". */
        public String describe() {
            return "config " + version + " from master " + master + " not applied: " + reason + " (since " + since
                    + ", " + tries + (tries == 1 ? " try" : " tries") + "; the slave probes from its previous config)";
        }
    }

    private NotApplied failing;

    /**
     * Notes a failed apply of {@code version}; true the first time for this version (the caller logs it then, and
     * only then: it is fetched and tried again every few seconds).
     */
    public synchronized boolean failed(String version, String master, String reason, Instant now) {
        boolean first = failing == null || !failing.version().equals(version);
        failing = first
                ? new NotApplied(version, master, reason, now, 1)
                : new NotApplied(version, master, reason, failing.since(), failing.tries() + 1);
        return first;
    }

    /** Notes a config applied; the version that failed before it, if one did (the caller logs the end). */
    public synchronized Optional<NotApplied> applied() {
        NotApplied was = failing;
        failing = null;
        return Optional.ofNullable(was);
    }

    /** The WARNING line of a version's first failure: no exception attached, so no outage filter drops it. */
    public static String warning(String version, String masterUrl, String reason) {
        return "DARP config " + version + " from " + masterUrl + " cannot be applied (" + reason
                + "); this slave probes from its previous config and fetches it again every 5 s";
    }

    /** The innermost cause's class and message, one line and at most 300 characters: what went wrong, for the view. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? ""
                : ": " + root.getMessage().strip().replaceAll("\\s+", " ");
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    public synchronized Optional<NotApplied> notApplied() {
        return Optional.ofNullable(failing);
    }
}
