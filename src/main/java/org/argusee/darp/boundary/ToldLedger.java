package org.argusee.darp.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.darp.control.wire.ToldItem;

/**
 * What was notified of each object, by this server and by its DARP masters, so that no state is told twice across
 * a failover (docs/design/70-notify.md, "DARP: told once"). The notifications (a higher component) note here what
 * they tell, in the transaction of the transition: a slave's reports carry it to its master, and a master sends it
 * to its slaves ({@link ToldSharing}); a slave keeps what its master said ({@link #masterTold}) and consults it
 * before telling an object it took over. Kept in {@code argus.darp_told} ({@link ToldStore}), read into memory
 * once: the reports ask for every service every few seconds.
 */
@ApplicationScoped
public class ToldLedger {

    private static final Logger LOG = Logger.getLogger(ToldLedger.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(10);

    /** A state a master told: which master, and what. */
    public record ByMaster(String master, ReportItem.Told told) {}

    @Inject
    ToldStore store;

    @Inject
    Event<ToldNoted> noted;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, ReportItem.Told> here = new ConcurrentHashMap<>();
    private final Map<String, ReportItem.Told> sent = new ConcurrentHashMap<>();
    private final Map<String, ByMaster> masters = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private Instant tried = Instant.MIN;

    /** Read from the database off the start thread (an EJB call waits while the deployment starts). */
    void start(@Observes Startup startup) {
        executor.execute(this::loaded);
    }

    /**
     * This server notified {@code status}/{@code severity} of the object, for its transition at {@code at}: stored
     * to be sent, in the caller's transaction. Its master hears of it only once a delivery of it went out
     * ({@link #sent}): a notification stored and never sent must not keep the master quiet.
     */
    public void told(String fullName, String status, String severity, Instant at) {
        ToldItem item = new ToldItem(fullName, status, severity, at);
        keepHere(item);
        store.noteHere(item);
    }

    /**
     * A delivery of these went out, in the caller's transaction; this server's slaves hear of them after the commit,
     * and its master with the object's next report. Only what went out is shared, both ways: a server keeps quiet
     * about what its peer told, which must not include what the peer stored and then could not send (its SMTP
     * server away) or died before sending.
     */
    public void sent(List<ToldItem> items) {
        store.sentHere(items);
        for (ToldItem i : items) {
            keepSent(i);
            noted.fire(new ToldNoted(i));
        }
    }

    /** What this server told of the object last. */
    public Optional<ReportItem.Told> of(String fullName) {
        loaded();
        return Optional.ofNullable(here.get(fullName));
    }

    /** What this server told of the object last and a delivery of which went out: what its reports say it told. */
    public Optional<ReportItem.Told> sentOf(String fullName) {
        loaded();
        return Optional.ofNullable(sent.get(fullName));
    }

    /** What a master of this server told of the object last (the newest over its masters). */
    public Optional<ByMaster> byMaster(String fullName) {
        loaded();
        return Optional.ofNullable(masters.get(fullName));
    }

    /** What this server sent, for a slave that has just connected. */
    public Map<String, ReportItem.Told> sentHere() {
        loaded();
        return Map.copyOf(sent);
    }

    /** A master says what it told: stored (all of it or nothing), then kept. */
    public void masterTold(String master, List<ToldItem> items) {
        loaded();
        store.noteMaster(master, items);
        items.forEach(i -> keepMaster(master, i));
    }

    /** Prunes the stored rows (see {@link ToldStore#prune}) and the same from memory. */
    public int prune(Collection<String> goneObjects, int keepDays) {
        int n = store.prune(goneObjects, keepDays);
        Instant old = Instant.now().minus(Duration.ofDays(keepDays));
        here.keySet().removeAll(goneObjects);
        sent.keySet().removeAll(goneObjects);
        sent.values().removeIf(t -> t.status().equals("up") && t.at().isBefore(old));
        masters.keySet().removeAll(goneObjects);
        here.values().removeIf(t -> t.status().equals("up") && t.at().isBefore(old));
        masters.values()
                .removeIf(b -> b.told().status().equals("up") && b.told().at().isBefore(old));
        return n;
    }

    /** Names of every object something is known of, for the pruning. */
    public Set<String> objects() {
        loaded();
        Set<String> names = new HashSet<>(here.keySet());
        names.addAll(masters.keySet());
        return names;
    }

    private void loaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            Instant now = Instant.now();
            if (loaded || now.isBefore(tried.plus(RETRY))) {
                return;
            }
            tried = now;
            try {
                for (ToldStore.Row r : store.all()) {
                    if (ToldStore.HERE.equals(r.teller())) {
                        keepHere(r.item());
                        if (r.sent()) {
                            keepSent(r.item());
                        }
                    } else {
                        keepMaster(r.teller(), r.item());
                    }
                }
                loaded = true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DARP: what was told cannot be read from argus.darp_told; trying again", e);
            }
        }
    }

    private void keepHere(ToldItem item) {
        here.merge(item.object(), item.told(), (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    private void keepSent(ToldItem item) {
        sent.merge(item.object(), item.told(), (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    private void keepMaster(String master, ToldItem item) {
        masters.merge(item.object(), new ByMaster(master, item.told()), ToldLedger::newer);
    }

    private static ByMaster newer(ByMaster a, ByMaster b) {
        return b.told().at().isBefore(a.told().at()) ? a : b;
    }
}
