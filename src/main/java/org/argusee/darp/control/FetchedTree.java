package org.argusee.darp.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The slave's side of the config fetch: the master's document as a tree the importer can apply (replace mode
 * under Top). Top keeps the slave's own parameters: those it has that the previous fetch did not bring.
 */
public final class FetchedTree {

    private FetchedTree() {}

    /**
     * @param currentTop  Top's own parameters on the slave now
     * @param previousTop Top's parameters in the previously applied document (empty if none)
     */
    public static TreeSnapshot snapshot(
            ConfigDocument doc, List<Parameter> currentTop, List<Parameter> previousTop, ParameterCatalog catalog) {
        List<ObjectRow> objects = new ArrayList<>(doc.objects().size());
        List<ParamRow> params = new ArrayList<>();
        int[] childCount = new int[doc.objects().size()];
        for (int i = 0; i < doc.objects().size(); i++) {
            ConfigDocument.Entry e = doc.objects().get(i);
            ObjectKind kind = ObjectKind.fromLabel(e.kind());
            int position = e.parent() < 0 ? 0 : childCount[e.parent()]++;
            long id = i + 1L;
            objects.add(new ObjectRow(
                    id, e.parent() < 0 ? null : e.parent() + 1L, kind, e.name(), e.type(), null, position));
            List<Parameter> own =
                    kind == ObjectKind.TOP ? mergeTop(currentTop, previousTop, e.parameters()) : e.parameters();
            for (int p = 0; p < own.size(); p++) {
                params.add(new ParamRow(
                        id, own.get(p).key(), own.get(p).value(), own.get(p).local(), p));
            }
        }
        return TreeSnapshot.build(0, objects, params, catalog);
    }

    /**
     * The slave's own Top parameters (current ones not brought by the previous fetch), then the master's for every
     * key and form the slave does not set itself.
     */
    public static List<Parameter> mergeTop(
            List<Parameter> currentTop, List<Parameter> previousTop, List<Parameter> masterTop) {
        List<Parameter> own = new ArrayList<>();
        Set<Parameter> brought = new HashSet<>(previousTop);
        Set<String> ownKeys = new HashSet<>();
        for (Parameter p : currentTop) {
            if (!brought.contains(p)) {
                own.add(p);
                ownKeys.add(p.key() + (p.local() ? "!" : ""));
            }
        }
        List<Parameter> merged = new ArrayList<>(own);
        for (Parameter p : masterTop) {
            if (!ownKeys.contains(p.key() + (p.local() ? "!" : ""))) {
                merged.add(p);
            }
        }
        return merged;
    }
}
