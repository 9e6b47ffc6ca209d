package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InheritancePassDownTest {

    private final ParameterCatalog catalog = ParameterCatalog.standard();
    private final Supplier<String> name = () -> "Top:G";

    @Test
    void addsOnlyInheritableNonLocalParameters() {
        Map<String, EffectiveParameter> down = Inheritance.passDown(
                Map.of(),
                ObjectKind.GROUP,
                "G",
                List.of(
                        new Parameter("frequency", "5m", false),
                        new Parameter("sendnotify", "yes", true),
                        new Parameter("label", "not inherited", false)),
                catalog,
                name);
        assertEquals(Map.of("frequency", new EffectiveParameter("frequency", "5m", "Top:G")), down);
    }

    @Test
    void sharesTheParentsMapWhenNothingIsAddedAndNeverAsksForTheName() {
        Map<String, EffectiveParameter> parent = Map.of("frequency", new EffectiveParameter("frequency", "1m", "Top"));
        Supplier<String> never = () -> {
            throw new AssertionError("full name built for nothing");
        };
        assertSame(
                parent,
                Inheritance.passDown(
                        parent, ObjectKind.GROUP, "G", List.of(new Parameter("label", "x", false)), catalog, never));
    }

    @Test
    void hostPassesItsNameAsHostnameUnlessItSetsOne() {
        assertEquals(
                "mail",
                Inheritance.passDown(Map.of(), ObjectKind.HOST, "mail", List.of(), catalog, name)
                        .get("hostname")
                        .value());
        assertEquals(
                "10.0.0.1",
                Inheritance.passDown(
                                Map.of(),
                                ObjectKind.HOST,
                                "mail",
                                List.of(new Parameter("hostname", "10.0.0.1", false)),
                                catalog,
                                name)
                        .get("hostname")
                        .value());
    }

    @Test
    void agreesWithTheSnapshot() {
        TreeRows rows = TreeRows.withTop();
        long g = rows.group(1, "G");
        long h = rows.host(g, "h");
        rows.service(h, "Ping", "Ping_h");
        rows.param(1, "frequency", "1m").param(g, "timeout", "5").local(g, "retries", "3");
        TreeSnapshot tree = rows.build();
        TreeNode host = tree.byId(h).orElseThrow();
        Map<String, EffectiveParameter> fromTop =
                Inheritance.passDown(Map.of(), ObjectKind.TOP, "Top", tree.top().ownParameters(), catalog, () -> "Top");
        Map<String, EffectiveParameter> fromG = Inheritance.passDown(
                fromTop, ObjectKind.GROUP, "G", tree.byId(g).orElseThrow().ownParameters(), catalog, () -> "Top:G");
        assertEquals(
                host.passedDown(),
                Inheritance.passDown(fromG, ObjectKind.HOST, "h", List.of(), catalog, () -> "Top:G:h"));
    }
}
