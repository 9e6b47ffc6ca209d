package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import does to the non-object blocks, per object (by full name where it lands): in {@code replace} mode an
 * object's blocks become exactly the file's; in {@code merge} mode a block of the file replaces the object's block
 * of the same identity (keyword and name) and the others stay. Reported as "Top: Method \"mail\" added".
 */
public final class BlockPlan {

    private BlockPlan() {}

    /**
     * @param current  the blocks now, by object full name (objects without blocks may be absent)
     * @param incoming the file's blocks, by the full name each object will have; in replace mode every object of
     *                 the file is a key, with an empty list when it has no blocks
     */
    public static List<String> changes(
            Map<String, List<ConfigBlock>> current, Map<String, List<ConfigBlock>> incoming, ImportPlan.Mode mode) {
        List<String> changes = new ArrayList<>();
        incoming.forEach((object, wanted) -> {
            Map<String, ConfigBlock> have = byIdentity(current.getOrDefault(object, List.of()));
            for (ConfigBlock block : wanted) {
                ConfigBlock now = have.remove(block.identity());
                if (now == null) {
                    changes.add(object + ": " + block.identity() + " added");
                } else if (!now.equals(block)) {
                    changes.add(object + ": " + block.identity() + " changed");
                }
            }
            if (mode == ImportPlan.Mode.REPLACE) {
                have.keySet().forEach(identity -> changes.add(object + ": " + identity + " removed"));
            }
        });
        // objects the file does not have are removed in replace mode, their blocks with them: the plan says so
        return changes;
    }

    /** The blocks an object keeps after a merge: its own, with the file's replacing those of the same identity. */
    public static List<ConfigBlock> merged(List<ConfigBlock> current, List<ConfigBlock> incoming) {
        Map<String, ConfigBlock> result = byIdentity(current);
        incoming.forEach(b -> result.put(b.identity(), b));
        return new ArrayList<>(result.values());
    }

    private static Map<String, ConfigBlock> byIdentity(List<ConfigBlock> blocks) {
        Map<String, ConfigBlock> map = new LinkedHashMap<>();
        blocks.forEach(b -> map.put(b.identity(), b));
        return map;
    }
}
