package org.argusee.live.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Changes noted by the event observers, waiting for the dispatcher; and the groups whose counts moved because
 * something under them changed, sent at most every half second (a burst of thousands of changes then costs one
 * count per group, not one per change). Notifications created or acknowledged are held likewise, at most every
 * quarter second: each sending counts the unacknowledged ones in the database once.
 */
public final class LiveInbox {

    static final long GROUPS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** DARP peers' news at most once a second: a busy master stores slaves' reports many times a second. */
    static final long PEERS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    static final long NOTIFICATIONS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    public record Item(long at, Change.Kind kind, long objectId, String fullName) {}

    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final Set<Long> dirtyGroups = new LinkedHashSet<>();
    private long groupsSentAt;
    private final AtomicBoolean peersDirty = new AtomicBoolean();
    private long peersSentAt;
    private final Map<String, Item> notified = new LinkedHashMap<>();
    private long notifiedSentAt;
    /** Told of every arrival, after it is queued: wakes the dispatcher ({@link Wakeups#arrived}). */
    private final Runnable arrived;

    public LiveInbox() {
        this(() -> {});
    }

    public LiveInbox(Runnable arrived) {
        this.arrived = arrived;
    }

    public void add(Change.Kind kind, long objectId, String fullName) {
        queue.add(new Item(System.nanoTime(), kind, objectId, fullName));
        arrived.run();
    }

    /** DARP peers or their links changed; any thread, lock-free (link events come on network threads). */
    public void peersChanged() {
        peersDirty.set(true);
        arrived.run();
    }

    /**
     * When the earliest of what is held back (groups' counts, notifications, peers) is due, as
     * {@link System#nanoTime()}; empty when nothing is held. Dispatcher thread only.
     */
    public OptionalLong nextDue() {
        long due = Long.MAX_VALUE;
        boolean any = false;
        if (!dirtyGroups.isEmpty()) {
            due = groupsSentAt + GROUPS_EVERY_NANOS;
            any = true;
        }
        if (!notified.isEmpty()) {
            due = any
                    ? earlier(due, notifiedSentAt + NOTIFICATIONS_EVERY_NANOS)
                    : notifiedSentAt + NOTIFICATIONS_EVERY_NANOS;
            any = true;
        }
        if (peersDirty.get()) {
            due = any ? earlier(due, peersSentAt + PEERS_EVERY_NANOS) : peersSentAt + PEERS_EVERY_NANOS;
            any = true;
        }
        return any ? OptionalLong.of(due) : OptionalLong.empty();
    }

    /** The earlier of two nanoTime readings (they may wrap: compared by difference). */
    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** One peers change when there is news and a second has passed since the last one. Dispatcher thread only. */
    public List<Item> peersDue() {
        long now = System.nanoTime();
        if (!peersDirty.get() || now - peersSentAt < PEERS_EVERY_NANOS) {
            return List.of();
        }
        peersDirty.set(false);
        peersSentAt = now;
        return List.of(new Item(now, Change.Kind.PEERS, 0, null));
    }

    /** What arrived at least {@code lagNanos} ago, in order of arrival. */
    public List<Item> takeOlderThan(long lagNanos) {
        long cutoff = System.nanoTime() - lagNanos;
        List<Item> out = new ArrayList<>();
        for (Item head = queue.peek(); head != null && head.at() - cutoff <= 0; head = queue.peek()) {
            out.add(queue.poll());
        }
        return out;
    }

    /** The groups above each changed object have new counts. Dispatcher thread only. */
    public void noteAncestors(TreeSnapshot tree, List<Item> items) {
        for (Item i : items) {
            if (i.kind() == Change.Kind.STATUS) {
                TreeNode n = tree.byId(i.objectId()).orElse(null);
                for (TreeNode p = n == null ? null : tree.parent(n); p != null; p = tree.parent(p)) {
                    dirtyGroups.add(p.id());
                }
            }
        }
    }

    /** The groups with new counts, when half a second has passed since the last ones. Dispatcher thread only. */
    public List<Item> groupsDue() {
        long now = System.nanoTime();
        if (dirtyGroups.isEmpty() || now - groupsSentAt < GROUPS_EVERY_NANOS) {
            return List.of();
        }
        groupsSentAt = now;
        List<Item> out = new ArrayList<>();
        dirtyGroups.forEach(id -> out.add(new Item(now, Change.Kind.STATUS, id, null)));
        dirtyGroups.clear();
        return out;
    }

    /** Keeps the notification items of {@code ready} back (one per object); answers the others. Dispatcher only. */
    public List<Item> holdNotifications(List<Item> ready) {
        List<Item> rest = new ArrayList<>(ready.size());
        for (Item i : ready) {
            if (i.kind() == Change.Kind.NOTIFICATION) {
                notified.remove(i.fullName());
                notified.put(i.fullName(), i);
            } else {
                rest.add(i);
            }
        }
        return rest;
    }

    /** The objects whose notifications changed, when a quarter second has passed since the last. Dispatcher only. */
    public List<Item> notificationsDue() {
        long now = System.nanoTime();
        if (notified.isEmpty() || now - notifiedSentAt < NOTIFICATIONS_EVERY_NANOS) {
            return List.of();
        }
        notifiedSentAt = now;
        List<Item> out = new ArrayList<>(notified.values());
        notified.clear();
        return out;
    }

    /** One item per object and kind (the last), one tree change at most; groups after the rest. */
    public static List<Item> coalesce(List<Item> ready, List<Item> groups) {
        Map<String, Item> last = new LinkedHashMap<>();
        for (Item i : ready) {
            String key = i.kind() + ":" + i.objectId();
            last.remove(key);
            last.put(key, i);
        }
        for (Item g : groups) {
            last.putIfAbsent(g.kind() + ":" + g.objectId(), g);
        }
        return new ArrayList<>(last.values());
    }
}
