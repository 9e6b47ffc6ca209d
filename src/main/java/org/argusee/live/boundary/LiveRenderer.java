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
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.boundary.DashboardRows;
import org.argusee.web.boundary.Viewers;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * Turns numbered changes into the messages one viewer may receive: rows as the dashboard shows them (the current
 * state, group counts limited to what the viewer sees); nothing about an object the viewer may not see. Sockets
 * of the same viewer share the rendering.
 */
@ApplicationScoped
public class LiveRenderer {

    @Inject
    DashboardRows rows;

    @Inject
    Viewers viewers;

    void fanOut(TreeSnapshot tree, List<Change> changes, Collection<LiveSocket> sockets) {
        if (changes.isEmpty() || sockets.isEmpty()) {
            return;
        }
        Map<Viewer, List<LiveSocket>> byViewer = new LinkedHashMap<>();
        sockets.forEach(s ->
                byViewer.computeIfAbsent(s.viewer(), v -> new ArrayList<>()).add(s));
        byViewer.forEach((viewer, theirs) -> {
            List<String> messages = render(tree, viewer, changes);
            for (LiveSocket s : theirs) {
                messages.forEach(s::offer);
            }
        });
    }

    List<String> render(TreeSnapshot tree, Viewer viewer, List<Change> changes) {
        Visibility visible = viewers.visibility(tree, viewer);
        List<String> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            if (c.kind() == Change.Kind.TREE) {
                out.add(LiveMessages.tree(c.seq()));
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
            out.add(
                    c.kind() == Change.Kind.STATUS
                            ? LiveMessages.status(c.seq(), rows.row(node, visible))
                            : LiveMessages.annotation(c.seq(), node.fullName()));
        }
        return out;
    }
}
