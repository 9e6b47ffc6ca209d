package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.argusee.notify.control.NotifySchedule;
import org.argusee.notify.control.ParamLookup;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.hibernate.Session;

/**
 * The {@code schedule} blocks of the config that stand in objects ({@code schedule notify}, {@code schedule
 * notifydn}, {@code schedule sendnotify.critical} ...), inherited like parameters: the nearest object up the tree
 * with a schedule of that name decides when one of its lines matches now; otherwise the plain parameter holds.
 * Read again when the configuration revision of the tree cache moves (a change to the blocks bumps it); call
 * outside any other unit of work.
 */
@ApplicationScoped
public class NotifySchedules {

    private static final Logger LOG = Logger.getLogger(NotifySchedules.class.getName());
    private static final String BLOCKS = "select b.object_id, b.name, l.value from argus.config_block b"
            + " join argus.config_block_line l on l.block_id = b.id where b.keyword = 'schedule'"
            + " and b.parent_id is null and l.key is null order by b.id, l.position";

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    private record Read(long revision, Map<Long, Map<String, NotifySchedule>> schedules) {}

    private volatile Read read;

    /** The object's parameters, with its schedules (own or inherited) first. */
    public ParamLookup withSchedules(TreeNode node, ParamLookup plain, ZonedDateTime now) {
        Map<Long, Map<String, NotifySchedule>> all = all();
        if (all.isEmpty()) {
            return plain;
        }
        TreeSnapshot tree = cache.snapshot();
        return key -> {
            for (TreeNode n = node; n != null; n = tree.parent(n)) {
                NotifySchedule s = all.getOrDefault(n.id(), Map.of()).get(key);
                if (s != null) {
                    Optional<String> v = s.valueAt(now);
                    return v.isPresent() ? v : plain.get(key);
                }
            }
            return plain.get(key);
        };
    }

    private Map<Long, Map<String, NotifySchedule>> all() {
        long revision = cache.snapshot().revision();
        Read r = read;
        if (r == null || r.revision() != revision) {
            r = new Read(revision, load());
            read = r;
        }
        return r.schedules();
    }

    private Map<Long, Map<String, NotifySchedule>> load() {
        Map<Long, Map<String, List<String>>> lines = em.unwrap(Session.class).doReturningWork(c -> {
            Map<Long, Map<String, List<String>>> m = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(BLOCKS);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
            return m;
        });
        Map<Long, Map<String, NotifySchedule>> parsed = new HashMap<>();
        lines.forEach((object, byName) -> byName.forEach((name, text) -> {
            try {
                parsed.computeIfAbsent(object, k -> new HashMap<>()).put(name, NotifySchedule.parse(text));
            } catch (IllegalArgumentException e) {
                LOG.warning("schedule " + name + " of object " + object + ": " + e.getMessage() + "; not used");
            }
        }));
        return Map.copyOf(parsed);
    }
}
