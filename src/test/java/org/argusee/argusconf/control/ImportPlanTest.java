package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.argusee.argusconf.control.ImportPlan.Mode;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    /** A tiny tree builder: Top is 1; each call adds one object under a parent id. */
    private static final class Tree {
        final List<ObjectRow> objects =
                new ArrayList<>(List.of(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0)));
        final List<ParamRow> params = new ArrayList<>();

        long add(long parent, ObjectKind kind, String name, String type) {
            long id = objects.size() + 1;
            objects.add(new ObjectRow(id, parent, kind, name, type, null, objects.size()));
            return id;
        }

        Tree param(long id, String key, String value) {
            params.add(new ParamRow(id, key, value, false, params.size()));
            return this;
        }

        TreeSnapshot snapshot() {
            return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard());
        }
    }

    private static Tree servers() {
        Tree t = new Tree();
        long g = t.add(1, ObjectKind.GROUP, "Servers", null);
        long h = t.add(g, ObjectKind.HOST, "mail", null);
        t.add(h, ObjectKind.SERVICE, "SMTP_mail", "TCP/SMTP");
        t.param(g, "frequency", "1m");
        return t;
    }

    @Test
    void sameTreeChangesNothing() {
        ImportPlan plan = ImportPlan.between(servers().snapshot(), servers().snapshot(), Mode.REPLACE);
        assertTrue(plan.changesNothing(), plan.toString());
        assertEquals(4, plan.unchanged());
    }

    @Test
    void replaceRemovesWhatTheFileNoLongerHas() {
        Tree file = new Tree();
        long g = file.add(1, ObjectKind.GROUP, "Servers", null);
        file.param(g, "frequency", "5m");
        file.add(g, ObjectKind.HOST, "web", null);

        ImportPlan plan = ImportPlan.between(servers().snapshot(), file.snapshot(), Mode.REPLACE);
        assertEquals(List.of("Top:Servers:web"), plan.added());
        assertEquals(List.of("Top:Servers"), plan.changed());
        assertEquals(List.of("Top:Servers:mail", "Top:Servers:mail:SMTP_mail"), plan.removed());
    }

    @Test
    void mergeNeverRemovesAndKeepsUnmentionedParameters() {
        Tree file = new Tree();
        long g = file.add(1, ObjectKind.GROUP, "Servers", null);
        file.add(g, ObjectKind.HOST, "web", null);

        ImportPlan plan = ImportPlan.between(servers().snapshot(), file.snapshot(), Mode.MERGE);
        assertEquals(List.of("Top:Servers:web"), plan.added());
        assertEquals(List.of(), plan.changed(), "the group's frequency is kept in merge mode");
        assertEquals(List.of(), plan.removed());
    }

    @Test
    void aBranchImportStaysInsideItsRoot() {
        TreeSnapshot current = servers().snapshot();
        Tree file = new Tree();
        file.add(1, ObjectKind.HOST, "relay", null);
        file.param(1, "notify", "mail:branch@example.com");

        ImportPlan plan =
                ImportPlan.between(current, current.find("Top:Servers").orElseThrow(), file.snapshot(), Mode.REPLACE);
        assertEquals(List.of("Top:Servers:relay"), plan.added());
        assertEquals(List.of("Top:Servers"), plan.changed(), "the file's Top parameters land on the root");
        assertEquals(List.of("Top:Servers:mail", "Top:Servers:mail:SMTP_mail"), plan.removed());
    }

    @Test
    void aChangedTypeIsAChange() {
        Tree file = servers();
        file.objects.set(3, new ObjectRow(4, 3L, ObjectKind.SERVICE, "SMTP_mail", "TCP/SMTPS", null, 3));
        ImportPlan plan = ImportPlan.between(servers().snapshot(), file.snapshot(), Mode.MERGE);
        assertEquals(List.of("Top:Servers:mail:SMTP_mail"), plan.changed());
    }

    /** The dry run says what differs in each changed object, not only that it changed. */
    @Test
    void changedObjectsSayWhatDiffers() {
        Tree file = servers();
        file.params.clear();
        file.param(2, "frequency", "5m").param(2, "label", "The servers").param(4, "port", "2525");
        ImportPlan merge =
                ImportPlan.between(servers().param(4, "note", "old").snapshot(), file.snapshot(), Mode.MERGE);
        assertEquals(
                java.util.Map.of(
                        "Top:Servers", List.of("frequency: 1m -> 5m", "+ label: The servers"),
                        "Top:Servers:mail:SMTP_mail", List.of("+ port: 2525")),
                merge.details());
        ImportPlan replace =
                ImportPlan.between(servers().param(4, "note", "old").snapshot(), file.snapshot(), Mode.REPLACE);
        assertEquals(List.of("+ port: 2525", "- note"), replace.details().get("Top:Servers:mail:SMTP_mail"));
    }

    /** Imported under a group, the file's Top is that group: only its parameters are compared, not its kind. */
    @Test
    void theRootOfABranchImportDiffersOnlyByItsParameters() {
        TreeSnapshot current = servers().snapshot();
        Tree file = new Tree();
        file.param(1, "frequency", "5m");
        ImportPlan plan =
                ImportPlan.between(current, current.find("Top:Servers").orElseThrow(), file.snapshot(), Mode.MERGE);
        assertEquals(java.util.Map.of("Top:Servers", List.of("frequency: 1m -> 5m")), plan.details());
    }
}
