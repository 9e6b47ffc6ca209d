package org.argusee.darp.control.duty;

import java.util.ArrayList;
import java.util.List;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/** Rows for a test snapshot, built by the real TreeBuilder; ids count up from 1, Top is 1. */
final class Rows {

    static final long TOP = 1;

    private final List<ObjectRow> objects = new ArrayList<>();
    private final List<ParamRow> params = new ArrayList<>();
    private long nextId = 1;

    Rows() {
        add(null, ObjectKind.TOP, "Top", null, null);
    }

    long group(long parent, String name) {
        return add(parent, ObjectKind.GROUP, name, null, null);
    }

    long host(long parent, String name) {
        return add(parent, ObjectKind.HOST, name, null, null);
    }

    long service(long parent, String type, String name) {
        return add(parent, ObjectKind.SERVICE, name, type, null);
    }

    long alias(long parent, String name, String target) {
        return add(parent, ObjectKind.ALIAS, name, null, target);
    }

    Rows param(long object, String key, String value) {
        params.add(new ParamRow(object, key, value, false, params.size()));
        return this;
    }

    Rows local(long object, String key, String value) {
        params.add(new ParamRow(object, key, value, true, params.size()));
        return this;
    }

    TreeSnapshot build() {
        return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard());
    }

    private long add(Long parent, ObjectKind kind, String name, String type, String target) {
        long id = nextId++;
        objects.add(new ObjectRow(id, parent, kind, name, type, target, (int) id));
        return id;
    }
}
