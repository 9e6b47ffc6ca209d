package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.link.ConfigApplyTrack;
import org.argusee.darp.control.link.LinkListener;
import org.argusee.darp.control.link.LinkSettings;
import org.argusee.darp.control.link.LinkState;
import org.argusee.darp.control.link.MasterLink;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.darp.control.wire.ToldItem;
import org.argusee.platform.control.DatabaseTrouble;

/**
 * Runs this server's link to its master when it is configured as a slave (argus.darp.master.url) and applies each
 * config the master serves; {@link SlaveReporter} reports the local statuses over it. A CDI bean, not an EJB: it is
 * called from timer threads, which must never wait for the deployment to finish starting.
 */
@ApplicationScoped
public class SlaveRunner {

    private static final Logger LOG = Logger.getLogger(SlaveRunner.class.getName());

    @Inject
    DarpSettings settings;

    @Inject
    SlaveConfigStore store;

    @Inject
    DarpHere here;

    @Inject
    Event<PeerLinkChanged> linkChanges;

    @Inject
    Event<ReportsApplied> applied;

    @Resource
    ManagedExecutorService executor;

    /** Keeps what the master says it told, so that this server does not tell it again when it takes over. */
    @Inject
    ToldLedger told;

    private volatile MasterLink link;

    /** Whether the config fetched last is applied: for the log and the DARP view. */
    private final ConfigApplyTrack applying = new ConfigApplyTrack();

    /**
     * Starts the link from the executor: reading the kept config calls an EJB, which waits while the deployment is
     * still starting, and the start event must not wait for that.
     */
    void start(@Observes Startup startup) {
        if (!settings.hasMaster()) {
            return;
        }
        String url = settings.masterUrl().orElseThrow().toString();
        executor.execute(() -> {
            String known = store.knownVersion(url).orElse(null);
            MasterLink l = new MasterLink(
                    LinkSettings.of(
                            settings.masterUrls(),
                            settings.tag(),
                            settings.masterSecret().orElseThrow(),
                            settings.masterTag().orElse(null),
                            Duration.ofSeconds(settings.masterTimeout()),
                            Duration.ofSeconds(settings.masterFrequency()),
                            Duration.ofSeconds(settings.masterRefusedWait())),
                    known,
                    new Listener(url));
            link = l;
            l.start();
            LOG.info(
                    () -> "DARP slave '" + settings.tag() + "' of " + url + (known == null ? "" : ", config " + known));
        });
    }

    @PreDestroy
    void stop() {
        MasterLink l = link;
        if (l != null) {
            l.close();
        }
    }

    /** The link to the master, if this server is a slave. */
    public Optional<LinkState> linkState() {
        MasterLink l = link;
        return l == null ? Optional.empty() : Optional.of(l.state());
    }

    /** The master's config fetched last and not applied (yet), if so: the DARP view names it. */
    public Optional<ConfigApplyTrack.NotApplied> configNotApplied() {
        return applying.notApplied();
    }

    /** The link, if this server is a slave and the link has started. */
    Optional<MasterLink> link() {
        return Optional.ofNullable(link);
    }

    private final class Listener implements LinkListener {
        private final String url;
        /** The master's tag while the link is connected, else null. */
        private volatile String upAs;

        Listener(String url) {
            this.url = url;
        }

        @Override
        public void configFetched(ConfigDocument doc) {
            executor.execute(() -> {
                try {
                    store.apply(doc, url);
                    applying.applied()
                            .ifPresent(was -> LOG.info(() -> "DARP config " + doc.version() + " from " + url
                                    + " applied; " + was.version() + " had failed " + was.tries() + " time(s) since "
                                    + was.since()));
                } catch (RuntimeException e) {
                    notApplied(doc, e);
                    link.forgetConfig();
                }
            });
        }

        /**
         * Logged once per version (it is fetched and tried again every 5 s). The database's absence is named in
         * words of this class's own and the exception left off: {@code OutageNoise} drops any line carrying one,
         * and the operator must learn that this slave still probes from its previous config.
         */
        private void notApplied(ConfigDocument doc, RuntimeException e) {
            boolean unreachable = DatabaseTrouble.isUnreachable(e);
            String reason = unreachable ? "this server's database is unreachable" : ConfigApplyTrack.reason(e);
            String master = upAs != null ? upAs : here.masterTag();
            if (!applying.failed(doc.version(), master, reason, Instant.now())) {
                LOG.fine(() -> "DARP config " + doc.version() + " from " + url + " still cannot be applied: " + reason);
                return;
            }
            String message = ConfigApplyTrack.warning(doc.version(), url, reason);
            if (unreachable) {
                LOG.warning(message);
            } else {
                LOG.log(Level.WARNING, message, e);
            }
        }

        @Override
        public void masterTold(String master, List<ToldItem> items) {
            executor.execute(() -> {
                try {
                    told.masterTold(master, items);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "DARP: what master '" + master + "' told cannot be kept", e);
                }
            });
        }

        /** Fired at once, on the link's thread: the observers only note it in memory. */
        @Override
        public void reportsApplied(List<ReportItem> items) {
            String tag = upAs != null ? upAs : here.masterTag();
            try {
                applied.fire(new ReportsApplied(tag, items));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DARP: the reports master '" + tag + "' applied cannot be told", e);
            }
        }

        /**
         * Fires {@link PeerLinkChanged} when the link becomes connected or stops being connected, on the link's
         * thread (observers are quick). A master tag the settings do not name is learned from its welcome first,
         * so the topology names the master before anyone hears of it.
         */
        @Override
        public void stateChanged(LinkState state) {
            if (state.connected() == (upAs != null)) {
                return;
            }
            String tag;
            String reason = null;
            if (state.connected()) {
                tag = state.master() != null ? state.master() : here.masterTag();
                if (settings.masterTag().isEmpty()) {
                    here.masterLearned(tag);
                }
                upAs = tag;
            } else {
                tag = upAs;
                upAs = null;
                reason = state.reason() != null ? state.reason() : "link " + state.state();
            }
            try {
                linkChanges.fire(new PeerLinkChanged(tag, true, state.connected(), reason));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DARP: the link change of master '" + tag + "' cannot be told", e);
            }
        }
    }
}
