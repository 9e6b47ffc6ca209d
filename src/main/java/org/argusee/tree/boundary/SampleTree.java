package org.argusee.tree.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With argus.bootstrap.sample-tree=true (the quick start sets it), fills an empty tree with a few groups and
 * services on this machine, through the same editor as the API, so a newcomer sees something live at once.
 */
@Singleton
@Startup
@DependsOn("TreeCache")
// each object is created in a transaction of its own, so the next one sees it in the refreshed snapshot
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SampleTree {

    private static final Logger LOG = Logger.getLogger(SampleTree.class.getName());

    /** One entry of sample-tree.json: where to put the object, and the object. */
    public record Entry(String parent, NewObject object) {
    }

    @Inject
    TreeCache cache;

    @Inject
    TreeEditor editor;

    @Inject
    @ConfigProperty(name = "argus.bootstrap.sample-tree", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled || !cache.snapshot().top().children().isEmpty()) {
            return;
        }
        List<Entry> entries = read();
        entries.forEach(e -> editor.create(e.parent(), e.object()));
        LOG.info(() -> "Loaded the sample tree (" + entries.size() + " objects) into the empty database");
    }

    private static List<Entry> read() {
        try (InputStream in = SampleTree.class.getResourceAsStream("/org/argusee/tree/sample-tree.json");
             Jsonb jsonb = JsonbBuilder.create()) {
            return List.of(jsonb.fromJson(in, Entry[].class));
        } catch (Exception e) { // Jsonb.close() declares Exception
            throw new IllegalStateException("cannot read the sample tree", e);
        }
    }
}
