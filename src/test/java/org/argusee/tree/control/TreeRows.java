package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;

/** Rows for building test snapshots; ids count up from 1, Top is 1 unless left out. */
final class TreeRows {

    final List<ObjectRow> objects = new ArrayList<>();
    final List<ParamRow> params = new ArrayList<>();
    private long nextId = 1;
    private int nextPosition;

    static TreeRows withTop() {
        TreeRows rows = new TreeRows();
        rows.add(null, ObjectKind.TOP, "Top", null, null);
        return rows;
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

    long add(Long parent, ObjectKind kind, String name, String type, String target) {
        long id = nextId++;
        objects.add(new ObjectRow(id, parent, kind, name, type, target, nextPosition++));
        return id;
    }

    TreeRows param(long object, String key, String value) {
        params.add(new ParamRow(object, key, value, false, params.size()));
        return this;
    }

    TreeRows local(long object, String key, String value) {
        params.add(new ParamRow(object, key, value, true, params.size()));
        return this;
    }

    TreeSnapshot build() {
        return TreeSnapshot.build(7, objects, params, ParameterCatalog.standard());
    }
}
