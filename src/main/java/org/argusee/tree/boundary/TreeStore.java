package org.argusee.tree.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

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
        List<ObjectRow> objects = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                        "select id, parent_id, kind, name, type, alias_target, position from argus.object")
                .getResultList()) {
            Object[] c = (Object[]) row;
            objects.add(new ObjectRow(
                    ((Number) c[0]).longValue(),
                    c[1] == null ? null : ((Number) c[1]).longValue(),
                    ObjectKind.fromLabel((String) c[2]),
                    (String) c[3],
                    (String) c[4],
                    (String) c[5],
                    ((Number) c[6]).intValue()));
        }
        List<ParamRow> params = new ArrayList<>();
        for (Object row : em.createNativeQuery("select object_id, key, value, local, position from argus.param")
                .getResultList()) {
            Object[] c = (Object[]) row;
            params.add(new ParamRow(
                    ((Number) c[0]).longValue(),
                    (String) c[1],
                    (String) c[2],
                    (Boolean) c[3],
                    ((Number) c[4]).intValue()));
        }
        long read = System.nanoTime();
        TreeSnapshot snapshot = TreeSnapshot.build(revision, objects, params, catalog);
        LOG.fine(() -> "Tree read in " + (read - start) / 1_000_000 + " ms, built in "
                + (System.nanoTime() - read) / 1_000_000 + " ms");
        return snapshot;
    }
}
