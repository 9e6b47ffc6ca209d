package org.argusee.tree.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.hibernate.Session;

/**
 * Reads the whole tree in two plain queries. Rows are read as they are (a person may have edited them by SQL);
 * judging them is TreeSnapshot's job. The revision is read first: a change committed while the rows are read
 * moves it again, so the next poll reloads and a snapshot is never newer than its revision claims.
 * A CDI bean rather than an EJB: the poll timer may fire while the deployment is still starting, and an EJB call
 * would then wait for every startup bean (and for ever if one of them failed).
 */
@ApplicationScoped
@Transactional
public class TreeStore {

    private static final Logger LOG = Logger.getLogger(TreeStore.class.getName());
    private static final long SLOW_NANOS = 200_000_000;
    private static final int FETCH = 10_000;

    @PersistenceContext
    EntityManager em;

    public long revision() {
        return ((Number) em.createNativeQuery("select revision from argus.config_revision where id = 1")
                        .getSingleResult())
                .longValue();
    }

    public TreeSnapshot load(ParameterCatalog catalog) {
        long start = System.nanoTime();
        long revision = revision();
        Rows rows = em.unwrap(Session.class).doReturningWork(TreeStore::read);
        long read = System.nanoTime();
        TreeSnapshot snapshot = TreeSnapshot.build(revision, rows.objects(), rows.params(), catalog);
        long built = System.nanoTime();
        LOG.log(
                built - start > SLOW_NANOS ? Level.INFO : Level.FINE,
                () -> "Tree of " + rows.objects().size() + " objects and "
                        + rows.params().size()
                        + " parameters read in " + (read - start) / 1_000_000 + " ms, built in "
                        + (built - read) / 1_000_000 + " ms");
        return snapshot;
    }

    private record Rows(List<ObjectRow> objects, List<ParamRow> params) {}

    /**
     * Plain JDBC, read in chunks: half a million rows through JPA's Object[] rows cost several times as much
     * (issue 17). Keys and values repeat across objects (port 25, expect ^OK), so one string each is kept.
     */
    private static Rows read(Connection c) throws SQLException {
        Map<String, String> same = new HashMap<>();
        List<ObjectRow> objects = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery(
                    "select id, parent_id, kind, name, type, alias_target, position from argus.object")) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    objects.add(new ObjectRow(
                            rs.getLong(1),
                            rs.wasNull() ? null : parent,
                            ObjectKind.fromLabel(rs.getString(3)),
                            rs.getString(4),
                            once(same, rs.getString(5)),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
            List<ParamRow> params = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select object_id, key, value, local, position from argus.param")) {
                while (rs.next()) {
                    String value = rs.getString(3);
                    params.add(new ParamRow(
                            rs.getLong(1),
                            once(same, rs.getString(2)),
                            value != null && value.length() <= 64 ? once(same, value) : value,
                            rs.getBoolean(4),
                            rs.getInt(5)));
                }
            }
            return new Rows(objects, params);
        }
    }

    private static String once(Map<String, String> same, String text) {
        return text == null ? null : same.computeIfAbsent(text, t -> t);
    }
}
