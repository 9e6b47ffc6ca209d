package org.argusee.darp.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's own DARP settings, from MicroProfile Config (system properties, then ARGUS_DARP_* environment
 * variables, then META-INF/microprofile-config.properties). Checked at start so a typo stops the deployment with
 * a message naming the setting, instead of surfacing later as a failed login.
 */
@ApplicationScoped
public class DarpSettings {

    private static final Logger LOG = Logger.getLogger(DarpSettings.class.getName());

    @Inject
    @ConfigProperty(name = "argus.darp.tag")
    Optional<String> configuredTag;

    @Inject
    @ConfigProperty(name = "argus.darp.master.url")
    Optional<String> masterUrl;

    @Inject
    @ConfigProperty(name = "argus.darp.master.tag")
    Optional<String> masterTag;

    @Inject
    @ConfigProperty(name = "argus.darp.master.secret")
    Optional<String> masterSecret;

    @Inject
    @ConfigProperty(name = "argus.darp.master.frequency", defaultValue = "10")
    int masterFrequency;

    /** Seconds a slave waits at least after its master refused its login (Backoff): under the default rate limit. */
    @Inject
    @ConfigProperty(name = "argus.darp.master.refused-wait", defaultValue = "20")
    int masterRefusedWait;

    @Inject
    @ConfigProperty(name = "argus.darp.master.timeout", defaultValue = "10")
    int masterTimeout;

    @Inject
    @ConfigProperty(name = "argus.darp.master.retries", defaultValue = "2")
    int masterRetries;

    /** Whether this slave runs services that start local programs (Prog) when its master serves them. */
    @Inject
    @ConfigProperty(name = "argus.darp.allow-programs", defaultValue = "false")
    boolean allowPrograms;

    /** Whether this slave may reach its master over plain HTTP off loopback. */
    @Inject
    @ConfigProperty(name = "argus.darp.allow-plain-http", defaultValue = "false")
    boolean allowPlainHttp;

    private String tag;

    @PostConstruct
    void check() {
        tag = configuredTag.filter(t -> !t.isBlank()).orElseGet(DarpSettings::hostname);
        List<String> problems = new ArrayList<>();
        PeerRules.tag(tag).ifPresent(m -> problems.add("argus.darp.tag '" + tag + "': " + m));
        if (hasMaster()) {
            for (String url : urlTexts()) {
                PeerRules.remoteUrl(url)
                        .or(() -> PlainHttp.refusal(url, allowPlainHttp))
                        .ifPresent(m -> problems.add("argus.darp.master.url '" + url + "': " + m));
            }
            if (masterSecret.filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("argus.darp.master.secret is required when argus.darp.master.url is set");
            }
            masterTag.ifPresent(t -> PeerRules.tag(t).ifPresent(m -> problems.add("argus.darp.master.tag: " + m)));
        }
        if (masterFrequency < 1 || masterTimeout < 1 || masterRetries < 0) {
            problems.add("argus.darp.master.frequency and .timeout must be at least 1, .retries at least 0");
        }
        if (masterRefusedWait < 0) {
            problems.add("argus.darp.master.refused-wait must be at least 0, not " + masterRefusedWait);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Bad DARP settings: " + String.join("; ", problems));
        }
    }

    /** Checks the settings while the application starts, not at their first use: a bad one fails the deployment. */
    void checkAtStart(@Observes Startup startup) {
        LOG.info(() -> "DARP tag '" + tag + "'" + (hasMaster() ? ", master at " + String.join(", ", urlTexts()) : ""));
    }

    public String tag() {
        return tag;
    }

    public boolean hasMaster() {
        return !urlTexts().isEmpty();
    }

    /** The first master URL (the one that names the master); see {@link #masterUrls}. */
    public Optional<URI> masterUrl() {
        return masterUrls().stream().findFirst();
    }

    /**
     * {@code argus.darp.master.url}: one URL, or the URLs of an active/standby master pair separated by commas, in
     * the order the slave tries them (issue 16).
     */
    public List<URI> masterUrls() {
        return urlTexts().stream().map(URI::create).toList();
    }

    private List<String> urlTexts() {
        return masterUrl.stream()
                .flatMap(u -> java.util.Arrays.stream(u.split(",")))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .toList();
    }

    public Optional<String> masterTag() {
        return masterTag.filter(t -> !t.isBlank());
    }

    /** Only for the DARP login (issue 5); never logged or shown. */
    public Optional<String> masterSecret() {
        return masterSecret.filter(s -> !s.isBlank());
    }

    /** {@code argus.darp.allow-programs}: run the master's Prog services here (default false: refused). */
    public boolean allowPrograms() {
        return allowPrograms;
    }

    public int masterFrequency() {
        return masterFrequency;
    }

    public int masterRefusedWait() {
        return masterRefusedWait;
    }

    public int masterTimeout() {
        return masterTimeout;
    }

    public int masterRetries() {
        return masterRetries;
    }

    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (UnknownHostException e) {
            return "argus";
        }
    }
}
