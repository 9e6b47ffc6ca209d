package org.argusee.argusconf.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/**
 * A parsed tree as the rows an import writes: synthetic ids (Top is 1, then depth first in written order),
 * positions in written order, the non-object blocks (Method, Resolv, snmpoid, cron) by the id of the object they
 * were written in (Top for the top level), each row's place in the config, and what stood in the way of naming
 * objects.
 */
public record ConfigRows(
        List<ObjectRow> objects,
        List<ParamRow> params,
        Map<Long, List<ConfigBlock>> blocks,
        Map<Long, Location> locations,
        List<Diagnostic> diagnostics) {

    public static final long TOP_ID = 1;

    public ConfigRows {
        objects = List.copyOf(objects);
        params = List.copyOf(params);
        blocks = Map.copyOf(blocks);
        locations = Map.copyOf(locations);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<Location> location(long id) {
        return Optional.ofNullable(locations.get(id));
    }

    /** The tree these rows make, with the same rules the database's rows go through. */
    public TreeSnapshot snapshot(ParameterCatalog catalog) {
        return TreeSnapshot.build(0, objects, params, catalog);
    }
}
