package org.argusee.status.control;

import java.util.ArrayList;
import java.util.List;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/** Builds tree snapshots for tests; Top is 1, ids count up. Each build has a higher revision than the last. */
final class Trees {

    static final long TOP = 1;
    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();

    private final List<ObjectRow> objects = new ArrayList<>();
    private final List<ParamRow> params = new ArrayList<>();
    private long nextId = 1;
    private long revision = 1;

    Trees() {
        add(null, ObjectKind.TOP, "Top", null, null);
    }

    long group(long parent, String name) {
        return add(parent, ObjectKind.GROUP, name, null, null);
    }

    long service(long parent, String name) {
        return add(parent, ObjectKind.SERVICE, name, "TCP", null);
    }

    long alias(long parent, String name, String target) {
        return add(parent, ObjectKind.ALIAS, name, null, target);
    }

    Trees param(long object, String key, String value) {
        params.removeIf(p -> p.objectId() == object && p.key().equals(key));
        params.add(new ParamRow(object, key, value, false, params.size()));
        return this;
    }

    void remove(long id) {
        objects.removeIf(o -> o.id() == id);
    }

    TreeSnapshot build() {
        return TreeSnapshot.build(revision++, objects, params, CATALOG);
    }

    private long add(Long parent, ObjectKind kind, String name, String type, String target) {
        long id = nextId++;
        objects.add(new ObjectRow(id, parent, kind, name, type, target, (int) id));
        return id;
    }
}
