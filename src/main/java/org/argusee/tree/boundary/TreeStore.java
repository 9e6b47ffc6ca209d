package org.argusee.tree.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.hibernate.Session;

/**
 * Reads the whole tree in two plain queries, or after a change only the subtrees it touched (issue 17). Rows are read as they are (a person may have edited them by SQL);
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

    private static final String REVISION = "select revision from argus.config_revision where id = 1";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    /**
     * The configuration's revision now, for the cache's poll once a second: one plain query on a pooled connection,
     * with no transaction and no persistence context (those were most of the poll's cost, issue 17).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long revision() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(REVISION);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("argus.config_revision has no row 1");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the configuration revision", e);
        }
    }

    /** The revision in this transaction, before its rows are read. */
    private long revisionHere() {
        return ((Number) em.createNativeQuery(REVISION).getSingleResult()).longValue();
    }

    /**
     * The revision this transaction moved the configuration to, or empty if it did not move it (yet). The row's
     * {@code txid} names the last transaction that moved it, and the row stays locked from that move to commit,
     * so the revision before this transaction was exactly one less (V2026_12_10_31).
     */
    public OptionalLong ownRevision() {
        List<?> rows = em.createNativeQuery("select revision from argus.config_revision"
                        + " where id = 1 and txid = txid_current_if_assigned()")
                .getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    /** The whole tree read and built now, outside the cache (the importer's locked view). */
    public TreeSnapshot load(ParameterCatalog catalog) {
        Loaded loaded = loadAll();
        return loaded.rows().build(loaded.revision(), catalog);
    }

    /** Every row, with the revision read first. */
    public Loaded loadAll() {
        long start = System.nanoTime();
        long revision = revisionHere();
        LoadedRows rows = em.unwrap(Session.class).doReturningWork(c -> read(c, null));
        LOG.log(
                System.nanoTime() - start > SLOW_NANOS ? Level.INFO : Level.FINE,
                () -> "Tree of " + rows.objectCount() + " objects read in " + (System.nanoTime() - start) / 1_000_000
                        + " ms");
        return new Loaded(revision, rows);
    }

    /**
     * The rows of the objects {@code ids} and of everything below them now (a subtree may have grown), for
     * {@link LoadedRows#patch}. The ids read are {@code ids} and the descendants found.
     */
    public Delta readSubtrees(Set<Long> ids) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<Long> all = new HashSet<>(ids);
            try (PreparedStatement s = c.prepareStatement("with recursive sub(id) as (select unnest(?::bigint[])"
                    + " union select o.id from argus.object o join sub on o.parent_id = sub.id) select id from sub")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        all.add(rs.getLong(1));
                    }
                }
            }
            LoadedRows rows = read(c, all.toArray(Long[]::new));
            return new Delta(all, rows);
        });
    }

    /**
     * The rows of exactly the objects {@code ids} now, no descendants looked for: after a change that says which
     * objects it inserted ({@link TreeChanged#inserted}), the rows those subtrees held before are all that may
     * have changed besides.
     */
    public Delta readObjects(Set<Long> ids) {
        return em.unwrap(Session.class).doReturningWork(c -> new Delta(ids, read(c, ids.toArray(Long[]::new))));
    }

    public record Loaded(long revision, LoadedRows rows) {}

    /** {@code rows} holds the current rows of {@code ids}; an id without an object row was deleted. */
    public record Delta(Set<Long> ids, LoadedRows rows) {}

    /**
     * Plain JDBC, read in chunks: half a million rows through JPA's Object[] rows cost several times as much
     * (issue 17). Keys and values repeat across objects (port 25, expect ^OK), so one string each is kept.
     * {@code ids} null reads every row.
     */
    private static LoadedRows read(Connection c, Long[] ids) throws SQLException {
        Map<String, String> same = new HashMap<>();
        List<ObjectRow> objects = new ArrayList<>();
        String objectWhere = ids == null ? "" : " where id = any(?)";
        try (PreparedStatement s = c.prepareStatement(
                "select id, parent_id, kind, name, type, alias_target, position from argus.object" + objectWhere)) {
            s.setFetchSize(FETCH);
            if (ids != null) {
                s.setArray(1, c.createArrayOf("bigint", ids));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent; // before the next getter: wasNull is the last's
                    objects.add(new ObjectRow(
                            rs.getLong(1),
                            parentId,
                            ObjectKind.fromLabel(rs.getString(3)),
                            rs.getString(4),
                            once(same, rs.getString(5)),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
        }
        List<ParamRow> params = new ArrayList<>();
        String paramWhere = ids == null ? "" : " where object_id = any(?)";
        try (PreparedStatement s =
                c.prepareStatement("select object_id, key, value, local, position from argus.param" + paramWhere)) {
            s.setFetchSize(FETCH);
            if (ids != null) {
                s.setArray(1, c.createArrayOf("bigint", ids));
            }
            try (ResultSet rs = s.executeQuery()) {
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
        }
        return new LoadedRows(objects, params);
    }

    /** One string kept for each repeated key or value: what a read keeps, the bulk write's rows keep too. */
    static String once(Map<String, String> same, String text) {
        return text == null ? null : same.computeIfAbsent(text, t -> t);
    }
}
