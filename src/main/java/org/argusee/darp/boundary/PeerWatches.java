package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.status.boundary.StatusReader;
import org.argusee.status.boundary.StatusView;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeNode;

/**
 * The {@code DARP/Watch} services of the tree by the peer they watch, with their status, for the peers page: what
 * the monitoring itself says about each link beside what the link says. From memory (the tree snapshot and the
 * status board), one pass over the tree per call.
 */
@ApplicationScoped
public class PeerWatches {

    /** One watching service: its full name and display status (up, down, override, depends, unknown). */
    public record Watch(String fullName, String displayStatus, String reason) {}

    @Inject
    TreeCache cache;

    @Inject
    StatusReader statuses;

    List<ConnectionView> attach(List<ConnectionView> connections) {
        Map<String, List<Watch>> byTag = new HashMap<>();
        cache.snapshot().nodes().filter(n -> n.kind() == ObjectKind.SERVICE).forEach(n -> watched(n)
                .ifPresent(tag -> {
                    StatusView s = statuses.status(n.id());
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>())
                            .add(new Watch(n.fullName(), s.displayStatus(), s.reason()));
                }));
        return connections.stream()
                .map(c -> c.withWatches(byTag.getOrDefault(c.tag(), List.of())))
                .toList();
    }

    /** As DarpWatchMonitor reads it: {@code watch} when set, else the type's tail ({@code DARP/Watch/<tag>}). */
    static Optional<String> watched(TreeNode n) {
        Optional<ServiceType> type = n.serviceType();
        if (type.isEmpty()
                || !"DARP".equals(type.get().base())
                || !"Watch".equals(type.get().app())) {
            return Optional.empty();
        }
        Optional<String> param = n.param("watch").map(String::strip).filter(t -> !t.isEmpty());
        return param.isPresent()
                ? param
                : type.get().rest().stream().findFirst().map(String::strip).filter(t -> !t.isEmpty());
    }
}
