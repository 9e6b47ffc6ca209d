package org.argusee.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.live.control.Change;
import org.argusee.live.control.LiveMessages;
import org.argusee.notify.boundary.NotificationStore;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.boundary.DashboardRows;
import org.argusee.web.boundary.Viewers;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * Turns numbered changes into the messages one viewer may receive: rows as the dashboard shows them (the current
 * state, group counts limited to what the viewer sees); nothing about an object the viewer may not see. Sockets
 * of the same viewer share the rendering. Notification changes become one message per viewer with the count of
 * unacknowledged notifications that viewer may see (counted in the database once per sending, summed per viewer).
 */
@ApplicationScoped
public class LiveRenderer {

    @Inject
    DashboardRows rows;

    @Inject
    Viewers viewers;

    @Inject
    NotificationStore notifications;

    void fanOut(TreeSnapshot tree, List<Change> changes, Collection<LiveSocket> sockets) {
        if (changes.isEmpty() || sockets.isEmpty()) {
            return;
        }
        Map<String, Integer> unacked = unacked(changes);
        Map<Viewer, List<LiveSocket>> byViewer = new LinkedHashMap<>();
        sockets.forEach(s ->
                byViewer.computeIfAbsent(s.viewer(), v -> new ArrayList<>()).add(s));
        byViewer.forEach((viewer, theirs) -> {
            List<String> messages = render(tree, viewer, changes, unacked);
            for (LiveSocket s : theirs) {
                messages.forEach(s::offer);
            }
        });
    }

    List<String> render(TreeSnapshot tree, Viewer viewer, List<Change> changes) {
        return render(tree, viewer, changes, unacked(changes));
    }

    /**
     * @param unacked the unacknowledged notifications per object (null when no change is a notification): the
     *     viewer's notification changes become one message, at the place (and number) of the last of them
     */
    private List<String> render(TreeSnapshot tree, Viewer viewer, List<Change> changes, Map<String, Integer> unacked) {
        Visibility visible = viewers.visibility(tree, viewer);
        List<String> notified = new ArrayList<>();
        long notifiedSeq = -1;
        for (Change c : changes) {
            if (c.kind() == Change.Kind.NOTIFICATION && sees(tree, visible, c.fullName())) {
                notified.add(c.fullName());
                notifiedSeq = c.seq();
            }
        }
        List<String> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            if (c.kind() == Change.Kind.TREE) {
                out.add(LiveMessages.tree(c.seq()));
                continue;
            }
            if (c.kind() == Change.Kind.NOTIFICATION) {
                if (c.seq() == notifiedSeq) {
                    out.add(LiveMessages.notification(c.seq(), notified, count(tree, visible, unacked)));
                }
                continue;
            }
            TreeNode node = tree.byId(c.objectId()).orElse(null);
            if (node == null || !visible.sees(node)) {
                continue;
            }
            out.add(
                    c.kind() == Change.Kind.STATUS
                            ? LiveMessages.status(c.seq(), rows.row(node, visible))
                            : LiveMessages.annotation(c.seq(), node.fullName()));
        }
        return out;
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
