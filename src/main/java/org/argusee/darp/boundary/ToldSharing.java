package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.darp.control.wire.ToldItem;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.control.IdleWait;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * On a master, sends its slaves what it told of the objects each is served (inside acks of nothing, see
 * {@link org.argusee.darp.control.wire.Message.Ack}): everything it sent to a slave that has just connected, then
 * each notification whose delivery went out, after that commit, gathered every {@link #PERIOD_MILLIS} ms. A slave that takes an object
 * over then does not tell again what this master told before it died or hung. A slave not connected hears it all
 * at its next connection, so nothing queues up here for it. Between rounds with nothing to send the thread waits
 * for something to arrive (a notification told while a slave is connected, a slave connecting) instead of waking
 * four times a second to find nothing (issue 17: 0.0003-0.0005 core-s a second of every server, DARP or not).
 */
@ApplicationScoped
public class ToldSharing {

    static final long PERIOD_MILLIS = 250;
    /** Items per message: 200 of the longest names (4,000 characters) stay under the 1 MiB a message may be. */
    static final int CHUNK = 200;

    private static final Logger LOG = Logger.getLogger(ToldSharing.class.getName());

    @Inject
    SlaveStreams streams;

    @Inject
    ServedConfigs served;

    @Inject
    TreeCache cache;

    @Inject
    ToldLedger ledger;

    @Inject
    BackgroundTasks scheduler;

    private final Queue<ToldItem> pending = new ConcurrentLinkedQueue<>();
    private final Set<String> fresh = ConcurrentHashMap.newKeySet();
    /** Told when something arrives for the next round. */
    private final IdleWait nothing = new IdleWait(() -> pending.isEmpty() && fresh.isEmpty());

    private ScheduledFuture<?> sharing;

    void start(@Observes Startup startup) {
        sharing = scheduler.scheduleWithFixedDelay(this::share, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sharing != null) {
            sharing.cancel(true);
        }
    }

    void noted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ToldNoted noted) {
        if (!streams.connectedTags().isEmpty()) {
            pending.add(noted.item());
            nothing.signal();
        }
    }

    /** A slave's stream is up: it gets all this server told (of what it is served) at the next round. */
    void linkChanged(@Observes PeerLinkChanged change) {
        if (!change.master() && change.up()) {
            fresh.add(change.tag());
            nothing.signal();
        }
    }

    /** A round, then (on the round's own thread) a wait until something arrives for the next, a period later. */
    void share() {
        shareNow();
        try {
            nothing.whileIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application is stopping
        }
    }

    void shareNow() {
        try {
            List<ToldItem> news = new ArrayList<>();
            for (ToldItem i = pending.poll(); i != null; i = pending.poll()) {
                news.add(i);
            }
            Set<String> tags = streams.connectedTags();
            fresh.retainAll(tags);
            if (tags.isEmpty() || (news.isEmpty() && fresh.isEmpty())) {
                return; // and no call into TreeCache, which blocks while the deployment is still starting
            }
            TreeSnapshot tree = cache.snapshot();
            for (String tag : tags) {
                List<ToldItem> all = fresh.remove(tag) ? everything() : news;
                send(tag, servedOnly(all, served.servedIds(tag, tree), tree));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: what this master told cannot be sent to its slaves now", e);
        }
    }

    private List<ToldItem> everything() {
        List<ToldItem> all = new ArrayList<>();
        for (Map.Entry<String, ReportItem.Told> e : ledger.sentHere().entrySet()) {
            ReportItem.Told t = e.getValue();
            all.add(new ToldItem(e.getKey(), t.status(), t.severity(), t.at()));
        }
        return all;
    }

    /** A slave hears only of the objects it is served, as it is given only those. */
    static List<ToldItem> servedOnly(List<ToldItem> items, Set<Long> ids, TreeSnapshot tree) {
        List<ToldItem> out = new ArrayList<>();
        for (ToldItem i : items) {
            if (tree.find(i.object()).map(TreeNode::id).filter(ids::contains).isPresent()) {
                // an up is told with severity clear on the wire, whatever the notification said
                out.add("up".equals(i.status()) ? new ToldItem(i.object(), "up", "clear", i.at()) : i);
            }
        }
        return out;
    }

    private void send(String tag, List<ToldItem> items) {
        for (int from = 0; from < items.size(); from += CHUNK) {
            if (!streams.told(tag, items.subList(from, Math.min(items.size(), from + CHUNK)))) {
                return; // gone meanwhile: it hears everything at its next connection
            }
        }
        if (!items.isEmpty()) {
            LOG.fine(() -> "DARP: told slave '" + tag + "' of " + items.size() + " state(s) this master notified");
        }
    }
}
