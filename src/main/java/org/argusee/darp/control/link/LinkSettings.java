package org.argusee.darp.control.link;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a slave reaches its master. {@code masterTag} (may be null) is checked against the master's welcome;
 * {@code timeout} is how long the slave waits for the master before counting it down; {@code refusedWait} how long
 * at least after a refused login ({@link Backoff}). Never shows the secret.
 */
public record LinkSettings(
        URI master,
        String tag,
        String secret,
        String masterTag,
        Duration timeout,
        Duration minBackoff,
        Duration maxBackoff,
        Duration refusedWait,
        MasterUrls masters) {

    /** One master URL. */
    public LinkSettings(
            URI master,
            String tag,
            String secret,
            String masterTag,
            Duration timeout,
            Duration minBackoff,
            Duration maxBackoff,
            Duration refusedWait) {
        this(master, tag, secret, masterTag, timeout, minBackoff, maxBackoff, refusedWait, null);
    }

    /** With the default wait after a refused login. */
    public LinkSettings(
            URI master,
            String tag,
            String secret,
            String masterTag,
            Duration timeout,
            Duration minBackoff,
            Duration maxBackoff) {
        this(master, tag, secret, masterTag, timeout, minBackoff, maxBackoff, Backoff.REFUSED);
    }

    public LinkSettings {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        master = MasterUrls.withSlash(master);
        if (masters == null) {
            masters = MasterUrls.of(java.util.List.of(master));
        }
    }

    /** Waits between attempts double from 1 s up to {@code frequency}: how often the original checks its master. */
    public static LinkSettings of(
            URI master, String tag, String secret, String masterTag, Duration timeout, Duration frequency) {
        return of(master, tag, secret, masterTag, timeout, frequency, Backoff.REFUSED);
    }

    public static LinkSettings of(
            URI master,
            String tag,
            String secret,
            String masterTag,
            Duration timeout,
            Duration frequency,
            Duration refusedWait) {
        return of(java.util.List.of(master), tag, secret, masterTag, timeout, frequency, refusedWait);
    }

    /**
     * A master at one of several URLs, tried in order (an active/standby pair, issue 16); {@link #master()} is the
     * first, which names the master in the log and keys the config kept for it.
     */
    public static LinkSettings of(
            java.util.List<URI> masters,
            String tag,
            String secret,
            String masterTag,
            Duration timeout,
            Duration frequency,
            Duration refusedWait) {
        Duration min = Duration.ofSeconds(1);
        return new LinkSettings(
                masters.get(0),
                tag,
                secret,
                masterTag,
                timeout,
                min,
                frequency.compareTo(min) < 0 ? min : frequency,
                refusedWait,
                MasterUrls.of(masters));
    }

    /** A path of the DARP API at the master URL in use now. */
    public URI api(String path) {
        return masters.current().resolve("api/darp/v1/" + path);
    }

    public URI stream() {
        URI http = api("stream");
        String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + http.toString().substring(http.getScheme().length()));
    }

    @Override
    public String toString() {
        return "LinkSettings[masters=" + masters + ", tag=" + tag + ", secret=***, masterTag=" + masterTag
                + ", timeout=" + timeout + "]";
    }
}
