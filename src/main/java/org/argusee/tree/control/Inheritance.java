package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What an object passes down to its children (REFERENCE.md section 2): what its parent passed down,
 * overlaid with its own inheritable parameters that are not local, and for a Host its name as
 * {@code hostname}. One rule for {@link TreeNode} and for code that needs it before the object exists, such
 * as an import naming services from their inherited {@code hostname}.
 */
public final class Inheritance {

    private Inheritance() {}

    /**
     * @param inherited what the parent passes down (empty for Top)
     * @param usable    the object's own parameters the validator accepted, in order
     * @param fullName  the object's full name, asked for only if something is passed on (it is costly to
     *                  build deep in a tree)
     * @return {@code inherited} itself when the object adds nothing, so chains of plain groups share one map
     */
    public static Map<String, EffectiveParameter> passDown(
            Map<String, EffectiveParameter> inherited,
            ObjectKind kind,
            String name,
            List<Parameter> usable,
            ParameterCatalog catalog,
            Supplier<String> fullName) {
        List<Parameter> passing = new ArrayList<>(0);
        for (Parameter p : usable) {
            if (!p.local() && catalog.isInherited(p.key())) {
                passing.add(p);
            }
        }
        if (passing.isEmpty() && kind != ObjectKind.HOST) {
            return inherited;
        }
        String source = fullName.get();
        TreeMap<String, EffectiveParameter> m = new TreeMap<>(inherited);
        if (kind == ObjectKind.HOST) {
            m.put("hostname", new EffectiveParameter("hostname", name, source));
        }
        passing.forEach(p -> m.put(p.key(), new EffectiveParameter(p.key(), p.value(), source)));
        return Collections.unmodifiableSortedMap(m);
    }
}
