package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.hibernate.Session;

/**
 * The cause in a storm's message: for objects that went down, how many objects whose {@code depends} names them
 * show {@code depends} now (held: not told themselves). Read when a message is sent, within its transaction.
 */
@ApplicationScoped
public class Dependents {

    private static final String HELD =
            "select object_id from argus.object_status" + " where display_status = 'depends' and object_id = any(?)";

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    /** @return full name to how many are held behind it; names with none are left out */
    public Map<String, Integer> held(Collection<String> downNames) {
        if (downNames.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(downNames);
        Map<Long, List<String>> candidates = new HashMap<>();
        cache.snapshot().nodes().forEach(n -> dependsOn(n, wanted, candidates));
        if (candidates.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, Integer> held = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(HELD)) {
                s.setArray(1, c.createArrayOf("bigint", candidates.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (String name : candidates.get(rs.getLong(1))) {
                            held.merge(name, 1, Integer::sum);
                        }
                    }
                }
            }
            return held;
        });
    }

    private static void dependsOn(TreeNode n, Set<String> wanted, Map<Long, List<String>> candidates) {
        n.param("depends").ifPresent(d -> {
            for (String word : d.strip().split("\\s+")) {
                if (wanted.contains(word)) {
                    candidates.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(word);
                }
            }
        });
    }
}
