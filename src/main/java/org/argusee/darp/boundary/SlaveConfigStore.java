package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.argusee.argusconf.boundary.ConfigImporter;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.darp.control.FetchedTree;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeSnapshot;

/**
 * A slave's copy of its master's config: applied to the local tree through the one importer (replace mode under
 * Top, one transaction), and kept with its version in darp_slave_config, so the slave probes from it while the master
 * is away and asks only for a newer one after a restart.
 */
@Stateless
public class SlaveConfigStore {

    private static final Logger LOG = Logger.getLogger(SlaveConfigStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ConfigImporter importer;

    @Inject
    TreeCache cache;

    /** The version of the config applied last from this master, if any. */
    public Optional<String> knownVersion(String masterUrl) {
        return stored(masterUrl).map(ConfigDocument::version);
    }

    /**
     * Applies {@code doc} whole or not at all: the import and the kept copy are one transaction. Logs each step's
     * time (docs/benchmarks.md, "DARP: a slave's config after a change").
     */
    public ImportPlan apply(ConfigDocument doc, String masterUrl) {
        long start = System.nanoTime();
        List<Parameter> previousTop = storedTop(masterUrl);
        long read = System.nanoTime();
        TreeSnapshot incoming =
                FetchedTree.snapshot(doc, cache.snapshot().top().ownParameters(), previousTop, cache.catalog());
        incoming.problems()
                .forEach(p -> LOG.warning(() -> "DARP config from " + masterUrl + ": " + p.object() + " (" + p.field()
                        + "): " + p.message() + "; left out"));
        long built = System.nanoTime();
        ImportPlan plan = importer.importTree(incoming, "Top", ImportPlan.Mode.REPLACE, false);
        long imported = System.nanoTime();
        em.createNativeQuery("insert into argus.darp_slave_config (id, master_url, version, fetched_at, document)"
                        + " values (1, ?1, ?2, now(), ?3) on conflict (id) do update set master_url = excluded.master_url,"
                        + " version = excluded.version, fetched_at = excluded.fetched_at, document = excluded.document")
                .setParameter(1, masterUrl)
                .setParameter(2, doc.version())
                .setParameter(3, ConfigDocuments.write(doc))
                .executeUpdate();
        long kept = System.nanoTime();
        LOG.info(() -> "DARP config " + doc.version() + " from " + masterUrl + " applied: "
                + plan.added().size() + " added, " + plan.changed().size() + " changed, "
                + plan.removed().size() + " removed; Top's kept parameters " + ms(read - start) + " ms, tree "
                + ms(built - read) + " ms, import " + ms(imported - built) + " ms, kept copy " + ms(kept - imported)
                + " ms (commit and the tree's swap follow)");
        return plan;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Top's parameters in the document applied last (empty if none): only they are read, by PostgreSQL, rather than
     * the whole kept document parsed here (a 20,000-service document is 3.5 MB).
     */
    private List<Parameter> storedTop(String masterUrl) {
        List<?> rows = em.createNativeQuery("select (document::json -> 'objects' -> 0 -> 'parameters')::text"
                        + " from argus.darp_slave_config where id = 1 and master_url = ?1")
                .setParameter(1, masterUrl)
                .getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return List.of();
        }
        try {
            return ConfigDocuments.readParameters((String) rows.get(0));
        } catch (BadMessage e) {
            LOG.warning(() -> "The kept DARP config's Top cannot be read (" + e.getMessage() + "); taken as empty");
            return List.of();
        }
    }

    private Optional<ConfigDocument> stored(String masterUrl) {
        List<?> rows = em.createNativeQuery(
                        "select document from argus.darp_slave_config where id = 1 and master_url = ?1")
                .setParameter(1, masterUrl)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigDocuments.read((String) rows.get(0)));
        } catch (BadMessage e) {
            LOG.warning(() -> "The kept DARP config cannot be read (" + e.getMessage() + "); fetching it afresh");
            return Optional.empty();
        }
    }
}
