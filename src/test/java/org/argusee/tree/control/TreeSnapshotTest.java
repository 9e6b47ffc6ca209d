package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeSnapshotTest {

    private final TreeRows rows = TreeRows.withTop();

    @Test
    void buildsNamesAndLinks() {
        long servers = rows.group(1, "Servers");
        long mail = rows.host(servers, "mail");
        long smtp = rows.service(mail, "TCP/SMTP", "SMTP_mail");
        long alias = rows.alias(1, "Mail", "Top:Servers:mail");
        TreeSnapshot tree = rows.build();

        assertEquals(7, tree.revision());
        assertEquals(5, tree.size());
        assertEquals(List.of(), tree.problems());
        TreeNode service = tree.find("Top:Servers:mail:SMTP_mail").orElseThrow();
        assertEquals(smtp, service.id());
        assertEquals(ObjectKind.SERVICE, service.kind());
        assertEquals("TCP/SMTP", service.type());
        assertEquals("SMTP", service.serviceType().orElseThrow().app());
        assertEquals(mail, tree.parent(service).id());
        assertSame(tree.top(), tree.find("Top").orElseThrow());
        assertEquals("Top", tree.top().fullName());
        assertNull(tree.parent(tree.top()));
        assertNull(tree.byId(servers).orElseThrow().type());
        assertNull(tree.byId(servers).orElseThrow().aliasTarget());
        assertEquals("Top:Servers:mail", tree.byId(alias).orElseThrow().aliasTarget());
        assertEquals(Optional.empty(), tree.find("Top:Servers:nope"));
        assertEquals(Optional.empty(), tree.find(null));
        assertEquals(Optional.empty(), tree.byId(99));
    }

    @Test
    void childrenAreOrderedByPositionThenId() {
        rows.objects.add(new ObjectRow(10, 1L, ObjectKind.GROUP, "c", null, null, 2));
        rows.objects.add(new ObjectRow(11, 1L, ObjectKind.GROUP, "a", null, null, 1));
        rows.objects.add(new ObjectRow(9, 1L, ObjectKind.GROUP, "b", null, null, 2));
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("a", "b", "c"),
                tree.top().children().stream().map(TreeNode::name).toList());
    }

    @Test
    void nodesAreDepthFirstParentsFirst() {
        long a = rows.group(1, "A");
        rows.group(a, "A1");
        rows.group(1, "B");
        rows.group(a, "A2");
        assertEquals(
                List.of("Top", "Top:A", "Top:A:A1", "Top:A:A2", "Top:B"),
                rows.build().nodes().map(TreeNode::fullName).toList());
    }

    @Test
    void emptySnapshotIsJustTop() {
        TreeSnapshot empty = TreeSnapshot.empty();
        assertEquals(0, empty.revision());
        assertEquals(1, empty.size());
        assertEquals(ObjectKind.TOP, empty.top().kind());
        assertEquals(List.of(), empty.problems());
    }

    @Test
    void missingTopIsMadeUpAndWhatHungBelowItIsLeftOut() {
        TreeRows noTop = new TreeRows();
        noTop.objects.add(new ObjectRow(5, 1L, ObjectKind.GROUP, "Servers", null, null, 0));
        TreeSnapshot tree = TreeSnapshot.build(1, noTop.objects, noTop.params, ParameterCatalog.standard());
        assertEquals(1, tree.size());
        assertEquals("Top", tree.top().fullName());
        assertEquals(
                List.of(
                        new ConfigProblem("Top", "kind", "there is no Top object; an empty Top stands in for it"),
                        new ConfigProblem("#5", "parent", "its parent #1 does not exist; left out")),
                tree.problems());
    }

    @Test
    void orphanAndItsChildrenAreLeftOut() {
        long orphan = rows.add(99L, ObjectKind.GROUP, "Lost", null, null);
        long child = rows.group(orphan, "Child");
        rows.group(1, "Kept");
        TreeSnapshot tree = rows.build();
        assertEquals(2, tree.size());
        assertEquals(
                List.of(
                        new ConfigProblem("#" + orphan, "parent", "its parent #99 does not exist; left out"),
                        new ConfigProblem(
                                "#" + child, "parent", "its parent #" + orphan + " is not in the tree; left out")),
                tree.problems());
    }

    @Test
    void parentCycleIsLeftOut() {
        rows.objects.add(new ObjectRow(5, 6L, ObjectKind.GROUP, "A", null, null, 0));
        rows.objects.add(new ObjectRow(6, 5L, ObjectKind.GROUP, "B", null, null, 0));
        rows.objects.add(new ObjectRow(7, 7L, ObjectKind.GROUP, "Self", null, null, 0));
        rows.objects.add(new ObjectRow(8, 5L, ObjectKind.GROUP, "Below", null, null, 0));
        TreeSnapshot tree = rows.build();
        assertEquals(1, tree.size());
        assertEquals(
                List.of(
                        new ConfigProblem("#5", "parent", "is in a parent cycle (#5, #6); left out"),
                        new ConfigProblem("#6", "parent", "is in a parent cycle (#5, #6); left out"),
                        new ConfigProblem("#7", "parent", "is in a parent cycle (#7); left out"),
                        new ConfigProblem("#8", "parent", "its parent #5 is not in the tree; left out")),
                tree.problems());
    }

    @Test
    void fullNameCollisionKeepsTheLowerId() {
        rows.objects.add(new ObjectRow(20, 1L, ObjectKind.GROUP, "A", null, null, 0));
        rows.objects.add(new ObjectRow(12, 1L, ObjectKind.GROUP, "A", null, null, 1));
        rows.objects.add(new ObjectRow(30, 20L, ObjectKind.GROUP, "Under", null, null, 0));
        TreeSnapshot tree = rows.build();
        assertEquals(12, tree.find("Top:A").orElseThrow().id());
        assertEquals(
                List.of(
                        new ConfigProblem("#20", "name", "full name 'Top:A' is already taken by #12; left out"),
                        new ConfigProblem("#30", "parent", "its parent #20 is not in the tree; left out")),
                tree.problems());
    }

    @Test
    void colonInANameCanCollideAcrossLevelsAndTheShallowerWins() {
        long a = rows.group(1, "A");
        long b = rows.group(a, "B");
        long colon = rows.group(1, "A:B");
        TreeSnapshot tree = rows.build();
        assertEquals(3, tree.size());
        assertEquals(colon, tree.find("Top:A:B").orElseThrow().id());
        assertEquals(
                List.of("#" + b),
                tree.problems().stream().map(ConfigProblem::object).toList());
    }

    @Test
    void danglingAliasIsKeptWithAProblem() {
        long alias = rows.alias(1, "Bar", "Top:Foo:Colo");
        TreeSnapshot tree = rows.build();
        assertTrue(tree.byId(alias).isPresent());
        assertEquals(
                List.of(new ConfigProblem("Top:Bar", "target", "alias target 'Top:Foo:Colo' does not exist")),
                tree.problems());
    }

    @Test
    void badServiceTypeIsKeptWithAProblemOnType() {
        long group = rows.group(1, "G");
        long service = rows.service(group, "TCP/HTPP", "x");
        TreeSnapshot tree = rows.build();
        TreeNode node = tree.byId(service).orElseThrow();
        assertEquals(Optional.empty(), node.serviceType());
        assertEquals("TCP/HTPP", node.type());
        ConfigProblem problem = tree.problems().get(0);
        assertEquals("Top:G:x", problem.object());
        assertEquals("type", problem.field());
        assertTrue(problem.message().contains("HTPP"), problem.message());
    }

    @Test
    void parameterErrorsBecomeProblemsButWarningsDoNot() {
        long group = rows.group(1, "G");
        rows.param(group, "frequency", "often").param(group, "frequncy", "60").param(group, "port", "99999");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("parameters.frequency", "parameters.port"),
                tree.problems().stream().map(ConfigProblem::field).toList());
        assertEquals("Top:G", tree.problems().get(0).object());
    }

    @Test
    void misplacedObjectsAreKeptWithAProblem() {
        long topService = rows.service(1, "Ping", "Ping_x");
        rows.group(topService, "Inside");
        TreeSnapshot tree = rows.build();
        assertEquals(3, tree.size());
        assertEquals(
                List.of(
                        new ConfigProblem("Top:Ping_x", "parent", "a Service cannot sit at top level"),
                        new ConfigProblem(
                                "Top:Ping_x:Inside", "parent", "its parent is a Service, which cannot hold objects")),
                tree.problems());
    }

    @Test
    void oddRowsAreReportedNotThrown() {
        rows.objects.add(new ObjectRow(50, null, ObjectKind.TOP, "Top", null, null, 0));
        rows.objects.add(new ObjectRow(51, null, ObjectKind.GROUP, "Rootless", null, null, 0));
        rows.objects.add(new ObjectRow(52, 1L, null, "Kindless", null, null, 0));
        rows.objects.add(new ObjectRow(53, 1L, ObjectKind.SERVICE, null, null, null, 0));
        rows.objects.add(null);
        rows.params.add(new ParamRow(77, "frequency", "60", false, 0));
        rows.params.add(new ParamRow(1, null, "x", false, 1));
        rows.params.add(new ParamRow(1, "notify", null, false, 2));
        rows.params.add(null);
        TreeSnapshot tree = rows.build();
        assertEquals(2, tree.size());
        assertEquals(
                List.of(
                        "#50 kind",
                        "#51 parent",
                        "#52 kind",
                        "Top: name",
                        "Top: parent",
                        "Top: type",
                        "#77 parameters.frequency",
                        "Top parameters",
                        "Top parameters.notify"),
                tree.problems().stream().map(p -> p.object() + " " + p.field()).toList());
    }

    @Test
    void duplicateIdAndSelfPointingAliasAreReported() {
        rows.objects.add(new ObjectRow(1, null, ObjectKind.GROUP, "Impostor", null, null, 0));
        long alias = rows.alias(1, "Me", "Top:Me");
        TreeSnapshot tree = rows.build();
        assertEquals(ObjectKind.TOP, tree.byId(1).orElseThrow().kind());
        assertEquals(
                List.of(
                        new ConfigProblem("#1", "id", "another object has the same id; left out"),
                        new ConfigProblem("Top:Me", "target", "an Alias cannot point at itself")),
                tree.problems());
        assertTrue(tree.byId(alias).isPresent());
    }

    @Test
    void namesWithColonsAreFound() {
        long group = rows.group(1, "Web");
        long url = rows.service(group, "TCP/URL", "URL_www.example.com:8080/a:b");
        TreeSnapshot tree = rows.build();
        assertEquals(
                url,
                tree.find("Top:Web:URL_www.example.com:8080/a:b").orElseThrow().id());
        assertEquals(Optional.empty(), tree.find("Top:Web:URL_www.example.com"));
        assertEquals(Optional.empty(), tree.find("Top:Web:URL_www.example.com:8080/a:b:"));
        assertEquals(Optional.empty(), tree.find("Top:Web:URL_www.example.com:8080/a:b".replace(':', ';')));
    }

    @Test
    void fullNameHashOfAChildIsTheHashOfItsFullName() {
        long parent = FullNameIndex.hash("Top:Servers");
        assertEquals(FullNameIndex.hash("Top:Servers:mail"), FullNameIndex.hash(parent, "mail"));
    }

    @Test
    void randomRowsNeverBreakTheBuild() {
        Random random = new Random(42);
        String[] names = {"a", "b", "a:b", "Top", "", "x y", "c"};
        ObjectKind[] kinds = {
            ObjectKind.GROUP, ObjectKind.HOST, ObjectKind.SERVICE, ObjectKind.ALIAS, null, ObjectKind.TOP
        };
        String[] types = {"Ping", "TCP/HTPP", null, "UDP/SNMP/x/y", "dns/a/b"};
        String[] keys = {"frequency", "port", "label", null, "a b", "notify", "hostname"};
        for (int round = 0; round < 200; round++) {
            List<ObjectRow> objects = new ArrayList<>();
            List<ParamRow> params = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Long parent = random.nextInt(10) == 0 ? null : (long) random.nextInt(70);
                objects.add(new ObjectRow(
                        random.nextInt(65),
                        parent,
                        kinds[random.nextInt(kinds.length)],
                        names[random.nextInt(names.length)],
                        types[random.nextInt(types.length)],
                        "Top:" + names[random.nextInt(names.length)],
                        random.nextInt(5)));
                params.add(new ParamRow(
                        random.nextInt(70),
                        keys[random.nextInt(keys.length)],
                        random.nextBoolean() ? "60" : "x",
                        random.nextBoolean(),
                        random.nextInt(3)));
            }
            TreeSnapshot tree = TreeSnapshot.build(round, objects, params, ParameterCatalog.standard());
            List<TreeNode> all = tree.nodes().toList();
            assertEquals(tree.size(), all.size());
            for (TreeNode node : all) {
                assertSame(node, tree.find(node.fullName()).orElseThrow(), node.fullName());
                assertSame(node, tree.byId(node.id()).orElseThrow());
                node.children().forEach(child -> assertSame(node, tree.parent(child)));
                node.effectiveParameters().forEach((k, p) -> assertEquals(Optional.of(p.value()), node.param(k)));
            }
        }
    }

    @Test
    void deepChainNeedsNoRecursion() {
        long parent = 1;
        for (int i = 0; i < 10_000; i++) {
            parent = rows.group(parent, "g");
        }
        rows.param(1, "notify", "mail:ops");
        TreeSnapshot tree = rows.build();
        assertEquals(10_001, tree.size());
        TreeNode deepest = tree.byId(parent).orElseThrow();
        assertEquals("Top" + ":g".repeat(10_000), deepest.fullName());
        assertSame(deepest, tree.find(deepest.fullName()).orElseThrow());
        assertEquals(
                new EffectiveParameter("notify", "mail:ops", "Top"),
                deepest.effectiveParameters().get("notify"));
        assertEquals(List.of(), tree.problems());
    }

    @Test
    void hundredThousandObjectsWithHalfAMillionParameters() {
        for (int g = 0; g < 100; g++) {
            long group = rows.group(1, "group" + g);
            rows.param(group, "frequency", "5m");
            for (int h = 0; h < 100; h++) {
                long host = rows.host(group, "host" + g + "." + h + ".example.com");
                rows.param(host, "notify", "mail:ops").param(host, "retries", "3");
                for (int s = 0; s < 9; s++) {
                    long service = rows.service(host, "TCP", "TCP_" + s);
                    rows.param(service, "port", Integer.toString(1000 + s))
                            .param(service, "label", "svc " + s)
                            .param(service, "timeout", "30")
                            .param(service, "sendnotify", "yes")
                            .param(service, "info", "text")
                            .param(service, "retries", "2");
                }
            }
        }
        TreeSnapshot tree = rows.build();
        assertTrue(tree.size() > 100_000);
        assertTrue(rows.params.size() > 500_000);
        assertEquals(List.of(), tree.problems());
        TreeNode service = tree.find("Top:group42:host42.7.example.com:TCP_3").orElseThrow();
        assertEquals(Optional.of("host42.7.example.com"), service.param("hostname"));
        assertEquals(Optional.of("5m"), service.param("frequency"));
    }
}
