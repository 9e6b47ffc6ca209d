package org.argusee.argusconf.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.argusee.argusconf.control.ConfigBlock;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.hibernate.Session;

/** Reads the stored non-object blocks (Method, Resolv, snmpoid, schedule, cron) for an export. */
@Stateless
public class ConfigBlocks {

    @PersistenceContext
    EntityManager em;

    /** The blocks of the object and everything under it, by object id. */
    public Map<Long, List<ConfigBlock>> under(TreeNode node) {
        Long[] ids = null;
        if (node.kind() != ObjectKind.TOP) {
            List<Long> subtree = new ArrayList<>();
            Deque<TreeNode> todo = new ArrayDeque<>(List.of(node));
            while (!todo.isEmpty()) {
                TreeNode n = todo.pop();
                subtree.add(n.id());
                n.children().forEach(todo::push);
            }
            ids = subtree.toArray(Long[]::new);
        }
        Long[] only = ids;
        return em.unwrap(Session.class).doReturningWork(connection -> new BlockRows(connection).load(only));
    }
}
