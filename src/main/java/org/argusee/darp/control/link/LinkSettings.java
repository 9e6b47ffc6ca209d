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

    /**
     * The least time a config fetch is given. The fetch is a bulk transfer, not a liveness check: a master serving
     * thousands of services takes seconds to build and send the document on a loaded machine, and a fetch that
     * times out starts again from the login and costs the master the same work again, so a fetch bounded by the
     * liveness timeout never ended (3,000 services, timeout 3 s, load 20: bench/chaos.sh importKill). The stream,
     * not the fetch, says whether the master lives.
     */
    static final Duration FETCH_FLOOR = Duration.ofSeconds(60);

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

    /** How long a config fetch may take: {@link #timeout}, and at least {@link #FETCH_FLOOR}. */
    public Duration fetchTimeout() {
        return timeout.compareTo(FETCH_FLOOR) > 0 ? timeout : FETCH_FLOOR;
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
