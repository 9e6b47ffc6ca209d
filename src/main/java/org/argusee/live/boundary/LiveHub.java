package org.argusee.live.boundary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.live.control.Change;
import org.argusee.live.control.ChangeRing;
import org.argusee.live.control.LiveInbox;
import org.argusee.live.control.LiveMessages;
import org.argusee.status.boundary.StatusChanged;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.boundary.ChangeSequence;

/**
 * The live sockets and what they are sent. Status changes arrive as {@link StatusChanged} events after their
 * commit, tree changes as {@link TreeReloaded}; the observers only note them (the status writer's thread is not
 * held up), and every 25 ms a dispatcher numbers what arrived at least 20 ms ago (by then the status board shows
 * it, so a dashboard answer numbered n contains every change up to n), keeps it in a ring for {@code resume}, and
 * renders it once per viewer (rows depend on what the viewer may see) into each socket's bounded queue.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String epoch = UUID.randomUUID().toString();
    private final ChangeRing ring = new ChangeRing(RING);
    private final Map<String, LiveSocket> sockets = new ConcurrentHashMap<>();
    private final LiveInbox inbox = new LiveInbox();
    private ScheduledFuture<?> dispatcher;
    private ScheduledFuture<?> keepalive;
    private volatile boolean failing;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void start() {
        Gauge.builder("argus_live_sockets", sockets, Map::size)
                .description("Open live sockets")
                .register(registry);
        Gauge.builder("argus_live_seq", sequence, ChangeSequence::current)
                .description("Number of the last change pushed to live sockets")
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
        dispatcher =
                scheduler.scheduleWithFixedDelay(this::dispatch, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        keepalive = scheduler.scheduleWithFixedDelay(
                () -> sockets.values().forEach(LiveSocket::ping),
                KEEPALIVE_SECONDS,
                KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * The dispatcher stops when the application starts to go down: by {@code @PreDestroy} the deployment's
     * executor already refuses it, and every tick in between was logged as an ERROR at each shutdown.
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        cancelTasks();
    }

    @PreDestroy
    void stop() {
        cancelTasks();
        sockets.values().forEach(s -> s.close(CloseReason.CloseCodes.GOING_AWAY, "server stopping"));
    }

    private void cancelTasks() {
        for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {dispatcher, keepalive}) {
            if (task != null) {
                task.cancel(false);
            }
        }
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        inbox.add(Change.Kind.STATUS, change.objectId(), change.fullName());
    }

    void treeReloaded(@Observes TreeReloaded reloaded) {
        inbox.add(Change.Kind.TREE, 0, null);
    }

    /** A note was added to or removed from the object. */
    public void annotated(String fullName) {
        cache.snapshot().find(fullName).ifPresent(n -> inbox.add(Change.Kind.ANNOTATION, n.id(), n.fullName()));
    }

    void open(LiveSocket socket) {
        synchronized (this) { // no change numbered between the hello and the first push is lost
            sockets.put(socket.id(), socket);
            socket.offer(LiveMessages.hello(sequence.current(), epoch));
        }
    }

    void closed(String socketId) {
        sockets.remove(socketId);
    }

    void sessionEnded(String httpSession) {
        for (LiveSocket s : List.copyOf(sockets.values())) {
            if (httpSession.equals(s.httpSession())) {
                sockets.remove(s.id());
                s.close(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended");
            }
        }
    }

    /** A client's message: {@code {"type":"resume","seq":n}} (others are ignored). */
    void received(String socketId, String text) {
        LiveSocket socket = sockets.get(socketId);
        JsonObject message = parse(text);
        if (socket == null || message == null || !"resume".equals(message.getString("type", null))) {
            return;
        }
        long seq = message.getJsonNumber("seq") == null
                ? -1
                : message.getJsonNumber("seq").longValue();
        String theirEpoch = message.getString("epoch", epoch);
        synchronized (this) {
            Optional<List<Change>> missed =
                    epoch.equals(theirEpoch) ? ring.after(seq, sequence.current()) : Optional.empty();
            if (missed.isEmpty()) {
                socket.offer(LiveMessages.RESYNC);
                return;
            }
            TreeSnapshot tree = cache.snapshot();
            renderer.render(tree, socket.viewer(), missed.get()).forEach(socket::offer);
        }
    }

    int openSockets() {
        return sockets.size();
    }

    private void dispatch() {
        try {
            List<LiveInbox.Item> ready = inbox.takeOlderThan(TimeUnit.MILLISECONDS.toNanos(20));
            TreeSnapshot tree = cache.snapshot();
            inbox.noteAncestors(tree, ready);
            List<LiveInbox.Item> groups = inbox.groupsDue();
            if (ready.isEmpty() && groups.isEmpty()) {
                return;
            }
            synchronized (this) {
                List<Change> changes = new ArrayList<>();
                for (LiveInbox.Item item : LiveInbox.coalesce(ready, groups)) {
                    Change c = new Change(sequence.next(), item.kind(), item.objectId(), item.fullName());
                    ring.add(c);
                    changes.add(c);
                }
                renderer.fanOut(tree, changes, sockets.values());
            }
            failing = false;
        } catch (RuntimeException e) {
            // once, not every 25 ms (it also happens while the application stops, its beans going first)
            LOG.log(failing ? Level.FINE : Level.WARNING, "Live dispatch failed; the next round goes on", e);
            failing = true;
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
