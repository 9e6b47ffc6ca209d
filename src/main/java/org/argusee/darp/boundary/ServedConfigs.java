package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.ServedConfig;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;

/** Each slave's served config, built once per tree revision and slave (a conditional fetch then costs nothing). */
@ApplicationScoped
public class ServedConfigs {

    private record Built(long revision, ConfigDocument doc) {
    }

    @Inject
    TreeCache cache;

    @Inject
    DarpSettings settings;

    private final Map<String, Built> built = new ConcurrentHashMap<>();

    public ConfigDocument forSlave(String tag) {
        TreeSnapshot tree = cache.snapshot();
        Built b = built.get(tag);
        if (b == null || b.revision() != tree.revision()) {
            b = new Built(tree.revision(), ServedConfig.build(tree, settings.tag(), tag));
            built.put(tag, b);
        }
        return b.doc();
    }

    public void forget(String tag) {
        built.remove(tag);
    }
}
