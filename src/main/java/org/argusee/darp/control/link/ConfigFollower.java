package org.argusee.darp.control.link;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.ConfigDocument;

/**
 * The slave's copy of its master's config version: fetches (conditionally) when told the config changed, logs in
 * again if the token expired meanwhile, and hands only a new version to the listener. Runs on the link's thread.
 */
final class ConfigFollower {

    private static final Logger LOG = Logger.getLogger(ConfigFollower.class.getName());
    private static final long RETRY_SECONDS = 5;

    private final MasterLogin login;
    private final ScheduledExecutorService loop;
    private final LinkListener listener;
    private final String master;
    private MasterLogin.Session session;
    private String knownVersion;
    /**
     * A version was announced while a fetch was under way: that fetch may bring the one before, so one more follows
     * it (before, the announcement was dropped and the slave stayed on the older config until the next change).
     */
    private boolean announcedMeanwhile;

    private boolean fetching;

    ConfigFollower(
            MasterLogin login,
            ScheduledExecutorService loop,
            LinkListener listener,
            String master,
            String knownVersion) {
        this.login = login;
        this.loop = loop;
        this.listener = listener;
        this.master = master;
        this.knownVersion = knownVersion;
    }

    String knownVersion() {
        return knownVersion;
    }

    /**
     * The config delivered last could not be applied (the slave's own database away, say): it is forgotten and
     * fetched again in {@link #RETRY_SECONDS} s, and again after each failure, while the link lives. Nothing else
     * would bring it: the master announces a version only when it changes and in its welcome, so a slave whose
     * database was away when its master's config changed kept the old config until the next change or reconnection.
     */
    void applyFailed(BooleanSupplier linkAlive) {
        knownVersion = null;
        retryLater(linkAlive);
    }

    MasterLogin.Session session() {
        return session;
    }

    /** After a login: fetches if the config moved since the version known. */
    CompletableFuture<Void> loggedIn(MasterLogin.Session s) {
        session = s;
        return login.fetch(s, knownVersion).thenAcceptAsync(doc -> doc.ifPresent(this::deliver), loop);
    }

    /** The master announced {@code version}: fetch it unless it is the one known. */
    void announced(String version, BooleanSupplier linkAlive) {
        if (version != null && !version.equals(knownVersion)) {
            announcedMeanwhile = fetching;
            refetch(linkAlive);
        }
    }

    private void refetch(BooleanSupplier linkAlive) {
        if (fetching || session == null) {
            return;
        }
        fetching = true;
        long start = System.nanoTime();
        login.fetch(session, knownVersion)
                .exceptionallyCompose(e -> unwrap(e) instanceof LinkFailure.Unauthorized
                        ? login.login()
                                .thenComposeAsync(
                                        s -> {
                                            session = s;
                                            return login.fetch(s, knownVersion);
                                        },
                                        loop)
                        : CompletableFuture.failedFuture(e))
                .whenCompleteAsync((doc, e) -> done(doc, e, linkAlive, start), loop);
    }

    private void done(Optional<ConfigDocument> doc, Throwable e, BooleanSupplier linkAlive, long start) {
        fetching = false;
        if (e == null) {
            doc.ifPresent(d -> LOG.info(() -> "DARP config " + d.version() + " fetched from " + master + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms ("
                    + d.objects().size() + " objects, read)"));
            doc.ifPresent(this::deliver);
            if (announcedMeanwhile) {
                announcedMeanwhile = false;
                refetch(linkAlive); // conditional: a 304 if this fetch brought the announced one already
            }
            return;
        }
        LOG.warning(() -> "DARP config fetch from " + master + " failed: " + LinkFailure.describe(e)
                + "; trying again in " + RETRY_SECONDS + " s");
        retryLater(linkAlive);
    }

    private void retryLater(BooleanSupplier linkAlive) {
        loop.schedule(
                () -> {
                    if (linkAlive.getAsBoolean()) {
                        refetch(linkAlive);
                    }
                },
                RETRY_SECONDS,
                TimeUnit.SECONDS);
    }

    private void deliver(ConfigDocument doc) {
        if (!doc.version().equals(knownVersion)) {
            knownVersion = doc.version();
            listener.configFetched(doc);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
