package org.argusee.tree.control;

import java.util.List;
import java.util.Set;

/**
 * The rows a bulk write inserted, exactly as it stored them (ids from the sequence, parameters in their positions):
 * the tree cache patches them in instead of reading them back after the commit (issue 17: reading back a
 * 100,000-service import cost 3.3-3.6 s).
 *
 * @param ids     the ids of the inserted objects
 * @param objects their object rows
 * @param params  their parameter rows
 */
public record WrittenRows(Set<Long> ids, List<ObjectRow> objects, List<ParamRow> params) {

    public WrittenRows {
        ids = Set.copyOf(ids);
        objects = List.copyOf(objects);
        params = List.copyOf(params);
    }
}
