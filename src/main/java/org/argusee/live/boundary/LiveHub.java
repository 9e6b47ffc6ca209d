package org.argusee.live.boundary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.boundary.PeerChanged;
import org.argusee.darp.boundary.PeerLinkChanged;
import org.argusee.darp.boundary.ReportsStored;
import org.argusee.live.control.Change;
import org.argusee.live.control.ChangeRing;
import org.argusee.live.control.LiveInbox;
import org.argusee.live.control.LiveMessages;
import org.argusee.live.control.Wakeups;
import org.argusee.notify.boundary.NotificationsChanged;
import org.argusee.security.control.UserChanged;
import org.argusee.status.boundary.StatusChanged;
import org.argusee.status.boundary.StatusesShown;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.boundary.ChangeSequence;

/**
 * The live sockets and what they are sent. Status changes arrive as {@link StatusesShown} once the status board
 * shows them (so a change numbered n is in every dashboard answer numbered n or later, and a row rendered for it is
 * never older than it), tree changes as {@link TreeReloaded}, DARP peers' news as darp's events (for the peers
 * page, at most once a second); the observers only note them (the status writer's thread is not held up), and
 * a dispatcher woken by it, at most every 25 ms ({@link Wakeups}), numbers it, keeps it in a ring for {@code
 * resume}, and renders it once per viewer (rows depend on what the viewer may see) into each socket's queue.
 * Notifications created or acknowledged arrive as {@link NotificationsChanged} after their commit and go out as one
 * message per viewer with their unacknowledged count.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());
    static final int RING = 10_000;
    static final long PERIOD_MILLIS = 25;
    /** Well inside the container's idle timeout for a connection (see {@link LiveSocket#ping}). */
    static final long KEEPALIVE_SECONDS = 20;

    @Inject
    ChangeSequence sequence;

    @Inject
    TreeCache cache;

    @Inject
    LiveRenderer renderer;

    /**
     * The dispatcher's one thread comes from the container (its context, its name) but is not a managed executor's
     * task: a managed scheduled executor refuses every tick once the server is suspended, the first step of a
     * shutdown, before any application event, and logged that as an ERROR (WFLYEE0110) at each shutdown.
     */
    @Resource
    ManagedThreadFactory threads;

    private final String epoch = UUID.randomUUID().toString();
    private final ChangeRing ring = new ChangeRing(RING);
    private final Map<String, LiveSocket> sockets = new ConcurrentHashMap<>();
    private final Wakeups wakeups = new Wakeups(this::dispatch, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
    private final LiveInbox inbox = new LiveInbox(wakeups::arrived);
    private ScheduledExecutorService dispatcher;
    private volatile boolean failing;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void start() {
        Gauge.builder("argus_live_sockets", sockets, Map::size)
                .description("Open live sockets")
                .register(registry);
        Gauge.builder("argus_live_seq", sequence, ChangeSequence::changes)
                .description("Changes numbered for the live sockets since the start")
                .register(registry);
        Gauge.builder("argus_live_queued", sockets, m -> m.values().stream()
                        .mapToInt(LiveSocket::waiting)
                        .sum())
                .description("Messages waiting in the live sockets' queues")
                .register(registry);
        Gauge.builder("argus_live_resyncs", sockets, m -> m.values().stream()
                        .mapToLong(LiveSocket::overflows)
                        .sum())
                .description("Backlogs dropped for a resync, on the sockets open now")
                .register(registry);
        dispatcher = Executors.newSingleThreadScheduledExecutor(threads);
        wakeups.start(dispatcher);
        dispatcher.scheduleWithFixedDelay(
                () -> sockets.values().forEach(LiveSocket::ping),
                KEEPALIVE_SECONDS,
                KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The dispatcher stops when the application starts to go down, before the beans it uses go. */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stopDispatcher();
    }

    @PreDestroy
    void stop() {
        stopDispatcher();
        sockets.values().forEach(s -> s.close(CloseReason.CloseCodes.GOING_AWAY, "server stopping"));
    }

    private void stopDispatcher() {
        if (dispatcher == null) {
            return;
        }
        dispatcher.shutdownNow();
        try {
            if (!dispatcher.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warning("The live dispatcher did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Status changes once the board shows them, not at {@link StatusChanged}'s commit: a row rendered between the
     * commit and the board's update was the old one, and no later event corrected it (the burst of issue 12 left
     * every socket that did not overflow with some services in their old status).
     */
    void statusesShown(@Observes StatusesShown shown) {
        for (StatusesShown.Shown s : shown.changes()) {
            inbox.add(Change.Kind.STATUS, s.objectId(), s.fullName());
        }
    }

    /**
     * A user was changed or removed: their sockets close (1008), so their pages check the session again (which
     * takes the new roles, or sends them to the login form) and reconnect as who they are now.
     */
    void userChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged change) {
        for (LiveSocket s : List.copyOf(sockets.values())) {
            if (s.viewer().user().equals(change.username())) {
                sockets.remove(s.id());
                forgetIfLast(s);
                s.close(CloseReason.CloseCodes.VIOLATED_POLICY, "login changed");
            }
        }
    }

    void notificationsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsChanged changed) {
        TreeSnapshot tree = cache.snapshot();
        for (String name : changed.objects()) {
            inbox.add(
                    Change.Kind.NOTIFICATION, tree.find(name).map(TreeNode::id).orElse(0L), name);
        }
    }

    void treeReloaded(@Observes TreeReloaded reloaded) {
        inbox.add(Change.Kind.TREE, 0, null);
    }

    void peerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeerChanged change) {
        inbox.peersChanged();
    }

    /** Fired on the link's own thread (a network thread): only a flag is set. */
    void peerLinkChanged(@Observes PeerLinkChanged change) {
        inbox.peersChanged();
    }

    /** A slave's reports (its report count and last heard moved). */
    void reportsStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportsStored stored) {
        inbox.peersChanged();
    }

    /** A note was added to or removed from the object. */
    public void annotated(String fullName) {
        cache.snapshot().find(fullName).ifPresent(n -> inbox.add(Change.Kind.ANNOTATION, n.id(), n.fullName()));
    }

    void open(LiveSocket socket) {
        synchronized (this) { // no change numbered between the hello and the first push is lost
            sockets.put(socket.id(), socket);
            renderer.opened(cache.snapshot(), socket.viewer());
            socket.offer(LiveMessages.hello(sequence.current(), epoch));
        }
    }

    void closed(String socketId) {
        LiveSocket gone = sockets.remove(socketId);
        if (gone != null) {
            forgetIfLast(gone);
        }
    }

    private void forgetIfLast(LiveSocket gone) {
        if (sockets.values().stream().noneMatch(s -> s.viewer().equals(gone.viewer()))) {
            renderer.forget(gone.viewer());
        }
    }

    void sessionEnded(String httpSession) {
        for (LiveSocket s : List.copyOf(sockets.values())) {
            if (httpSession.equals(s.httpSession())) {
                sockets.remove(s.id());
                forgetIfLast(s); // Undertow closes it (see LiveSessions); closed here only if still open then
                s.closeLater(dispatcher, CloseReason.CloseCodes.VIOLATED_POLICY, "session ended");
            }
        }
    }

    /** A client's message: {@code {"type":"resume","seq":n}}, replays from round n on (others are ignored). */
    void received(String socketId, String text) {
        LiveSocket socket = sockets.get(socketId);
        JsonObject message = LiveMessages.parse(text);
        if (socket == null || message == null || !"resume".equals(message.getString("type", null))) {
            return;
        }
        long seq = message.getJsonNumber("seq") == null
                ? -1
                : message.getJsonNumber("seq").longValue();
        String theirEpoch = message.getString("epoch", epoch);
        synchronized (this) {
            Optional<List<Change>> missed =
                    epoch.equals(theirEpoch) ? ring.from(seq, sequence.current()) : Optional.empty();
            if (missed.isEmpty()) {
                socket.offer(LiveMessages.RESYNC);
                return;
            }
            TreeSnapshot tree = cache.snapshot();
            renderer.replay(tree, socket.viewer(), missed.get()).forEach(socket::offer);
        }
    }

    int openSockets() {
        return sockets.size();
    }

    private void dispatch() {
        try {
            List<LiveInbox.Item> ready = inbox.holdNotifications(inbox.takeOlderThan(0));
            TreeSnapshot tree = ready.isEmpty() ? null : cache.snapshot(); // an EJB call: only when needed
            inbox.noteAncestors(tree, ready);
            List<LiveInbox.Item> groups = new ArrayList<>(inbox.groupsDue());
            groups.addAll(inbox.peersDue());
            List<LiveInbox.Item> notified = inbox.notificationsDue();
            if (ready.isEmpty() && groups.isEmpty() && notified.isEmpty()) {
                return;
            }
            tree = tree == null ? cache.snapshot() : tree;
            synchronized (this) {
                List<Change> changes = new ArrayList<>();
                List<LiveInbox.Item> items = LiveInbox.coalesce(ready, groups);
                items.addAll(notified);
                long round = sequence.nextRound(items.size());
                for (LiveInbox.Item item : items) {
                    Change c = new Change(round, item.kind(), item.objectId(), item.fullName());
                    ring.add(c);
                    changes.add(c);
                }
                renderer.fanOut(tree, changes, sockets.values());
            }
            failing = false;
        } catch (RuntimeException e) {
            // once, not every round (it also happens while the application stops, its beans going first)
            LOG.log(failing ? Level.FINE : Level.WARNING, "Live dispatch failed; the next round goes on", e);
            failing = true;
        } finally {
            wakeups.dueAt(inbox.nextDue()); // what is held back (groups, notifications, peers) gets its round
        }
    }
}
