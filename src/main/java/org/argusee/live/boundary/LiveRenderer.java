package org.argusee.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.live.control.Change;
import org.argusee.live.control.LiveMessages;
import org.argusee.live.control.PartialRows;
import org.argusee.notify.boundary.NotificationStore;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.boundary.DashboardRows;
import org.argusee.web.boundary.Viewers;
import org.argusee.web.control.DashboardRow;
import org.argusee.web.control.SeenStates;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * Turns numbered changes into the messages one viewer may receive: rows as the dashboard shows them (the current
 * state as the viewer sees it, group counts limited to what they see); nothing about an object the viewer may not
 * see, and no row of a group they see only in part unless their row of it changed ({@link PartialRows}: a hidden
 * child's change leaves no trace). Sockets of the same viewer share the rendering. Notification changes become one
 * message per viewer with the count of unacknowledged notifications that viewer may see (counted in the database
 * once per sending, summed per viewer).
 */
@ApplicationScoped
public class LiveRenderer {

    @Inject
    DashboardRows rows;

    @Inject
    Viewers viewers;

    @Inject
    NotificationStore notifications;

    /** Per viewer with an open socket and something hidden; used under the hub's lock, removed from any thread. */
    private final Map<Viewer, PartialRows> sent = new ConcurrentHashMap<>();

    void fanOut(TreeSnapshot tree, List<Change> changes, Collection<LiveSocket> sockets) {
        if (changes.isEmpty() || sockets.isEmpty()) {
            return;
        }
        Map<String, Integer> unacked = unacked(changes);
        Map<Viewer, List<LiveSocket>> byViewer = new LinkedHashMap<>();
        sockets.forEach(s ->
                byViewer.computeIfAbsent(s.viewer(), v -> new ArrayList<>()).add(s));
        byViewer.forEach((viewer, theirs) -> {
            List<String> messages = render(tree, viewer, changes, true, unacked);
            for (LiveSocket s : theirs) {
                messages.forEach(s::offer);
            }
        });
    }

    /** A socket of the viewer opens: later rows of their partly seen groups are compared with these. */
    void opened(TreeSnapshot tree, Viewer viewer) {
        PartialRows last = sent.get(viewer);
        if (last == null || last.revision() != tree.revision()) {
            Visibility visible = viewers.visibility(tree, viewer);
            if (!visible.partial().isEmpty()) {
                sent.put(viewer, baseline(tree, visible));
            }
        }
    }

    /** The viewer's last socket closed. */
    void forget(Viewer viewer) {
        sent.remove(viewer);
    }

    /** For the live pushes. */
    List<String> render(TreeSnapshot tree, Viewer viewer, List<Change> changes) {
        return render(tree, viewer, changes, true, unacked(changes));
    }

    /**
     * For a socket that missed these (after {@code resume}): its page may not have the last rows sent to its
     * viewer's other sockets, so partly seen groups go out as they are now.
     */
    List<String> replay(TreeSnapshot tree, Viewer viewer, List<Change> changes) {
        return render(tree, viewer, changes, false, unacked(changes));
    }

    /**
     * @param unacked the unacknowledged notifications per object (null when no change is a notification): the
     *     viewer's notification changes become one message, at the place (and number) of the last of them
     */
    private List<String> render(
            TreeSnapshot tree, Viewer viewer, List<Change> changes, boolean live, Map<String, Integer> unacked) {
        Visibility visible = viewers.visibility(tree, viewer);
        List<String> notified = new ArrayList<>();
        Change lastNotified = null; // by identity: the changes of a round share their number
        for (Change c : changes) {
            if (c.kind() == Change.Kind.NOTIFICATION && sees(tree, visible, c.fullName())) {
                notified.add(c.fullName());
                lastNotified = c;
            }
        }
        SeenStates seen = rows.seen(visible);
        PartialRows last = null;
        if (live && !visible.partial().isEmpty()) {
            last = sent.get(viewer);
            if (last == null || last.revision() != tree.revision()) {
                last = baseline(tree, visible); // a new tree: its pages reload all they show anyway
                sent.put(viewer, last);
            }
        }
        List<String> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            if (c.kind() == Change.Kind.TREE) {
                out.add(LiveMessages.tree(c.seq()));
                continue;
            }
            if (c.kind() == Change.Kind.NOTIFICATION) {
                if (c == lastNotified) {
                    out.add(LiveMessages.notification(c.seq(), notified, count(tree, visible, unacked)));
                }
                continue;
            }
            if (c.kind() == Change.Kind.PEERS) {
                if (viewer.admin()) { // the administrator's peers page is its only reader
                    out.add(LiveMessages.peers(c.seq()));
                }
                continue;
            }
            TreeNode node = tree.byId(c.objectId()).orElse(null);
            if (node == null || !visible.sees(node)) {
                continue;
            }
            if (c.kind() != Change.Kind.STATUS) {
                out.add(LiveMessages.annotation(c.seq(), node.fullName()));
                continue;
            }
            DashboardRow row = rows.row(node, seen);
            if (last == null || !visible.hidesUnder(node) || last.changed(node.id(), row)) {
                out.add(LiveMessages.status(c.seq(), row));
            }
        }
        return out;
    }

    private PartialRows baseline(TreeSnapshot tree, Visibility visible) {
        SeenStates seen = rows.seen(visible);
        PartialRows rowsNow = new PartialRows(tree.revision());
        for (long id : visible.partial()) {
            tree.byId(id).ifPresent(n -> rowsNow.changed(id, rows.row(n, seen)));
        }
        return rowsNow;
    }

    private Map<String, Integer> unacked(List<Change> changes) {
        return changes.stream().anyMatch(c -> c.kind() == Change.Kind.NOTIFICATION)
                ? notifications.activeByObject()
                : null;
    }

    /** The unacknowledged notifications the viewer may see (of an object no longer in the tree too, as the API). */
    private static int count(TreeSnapshot tree, Visibility visible, Map<String, Integer> unacked) {
        int n = 0;
        for (Map.Entry<String, Integer> e : unacked.entrySet()) {
            if (visible == Visibility.ALL || sees(tree, visible, e.getKey())) {
                n += e.getValue();
            }
        }
        return n;
    }

    private static boolean sees(TreeSnapshot tree, Visibility visible, String fullName) {
        TreeNode node = tree.find(fullName).orElse(null);
        return node == null || visible.sees(node);
    }
}
