package org.argusee.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

class AclTest {

    // Top(1) > Ops(2) > Secret(3) > svc(4); Top > Public(5) > svc(6); Secret hides from users, Public adds bob
    private final TreeSnapshot tree = TreeSnapshot.build(
            1,
            List.of(
                    new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                    new ObjectRow(2, 1L, ObjectKind.GROUP, "Ops", null, null, 0),
                    new ObjectRow(3, 2L, ObjectKind.GROUP, "Secret", null, null, 0),
                    new ObjectRow(4, 3L, ObjectKind.SERVICE, "svc", "TCP/SMTP", null, 0),
                    new ObjectRow(5, 1L, ObjectKind.GROUP, "Public", null, null, 1),
                    new ObjectRow(6, 5L, ObjectKind.SERVICE, "web", "TCP/HTTP", null, 0)),
            List.of(
                    new ParamRow(3, "acl_user", "-ALL staff root", false, 0),
                    new ParamRow(5, "acl_override", "bob", false, 0),
                    new ParamRow(6, "acl_user", "-user", false, 0)),
            ParameterCatalog.standard());

    @Test
    void listsAccumulateDownTheTreeWithRemovals() {
        assertEquals(
                Set.of("user", "staff", "root"),
                Acl.of(tree, tree.find("Top:Ops").orElseThrow(), Acl.PAGE));
        assertEquals(
                Set.of("staff", "root"),
                Acl.of(tree, tree.find("Top:Ops:Secret:svc").orElseThrow(), Acl.PAGE));
        assertEquals(
                Set.of("staff", "root", "bob"),
                Acl.of(tree, tree.find("Top:Public").orElseThrow(), Acl.OVERRIDE),
                "the per-function list, added to the simple one above");
        assertEquals(
                Set.of("staff", "root"), Acl.of(tree, tree.find("Top:Public").orElseThrow(), Acl.ANNOTATE));
        assertEquals(Set.of("staff", "root"), Acl.of(tree, tree.top(), Acl.CHECKNOW), "staff may check now here");
    }

    @Test
    void aHiddenGroupHidesEverythingUnderIt() {
        Visibility user = Visibility.of(tree, new Viewer("carol", Set.of("user")));
        assertTrue(user.sees(tree.find("Top:Ops").orElseThrow()));
        assertFalse(user.sees(tree.find("Top:Ops:Secret").orElseThrow()));
        assertFalse(user.sees(tree.find("Top:Ops:Secret:svc").orElseThrow()));
        assertFalse(user.sees(tree.find("Top:Public:web").orElseThrow()), "-user below");

        Visibility staff = Visibility.of(tree, new Viewer("dave", Set.of("staff")));
        assertTrue(staff.sees(tree.find("Top:Ops:Secret:svc").orElseThrow()));
        assertTrue(Visibility.of(tree, new Viewer("root", Set.of("admin"))) == Visibility.ALL);
    }

    @Test
    void aUserNameIsAGroupAndAllAdmitsEveryone() {
        assertTrue(Acl.admits(Set.of("bob"), new Viewer("bob", Set.of("user")).groups()));
        assertFalse(Acl.admits(Set.of("bob"), new Viewer("carol", Set.of("user")).groups()));
        assertTrue(Acl.admits(Set.of("ALL"), new Viewer("carol", Set.of()).groups()));
        assertTrue(new Viewer("x", Set.of("admin")).groups().contains("root"));
        assertEquals(Set.of(), Acl.apply(Set.of("a", "b"), "-ALL"));
        assertEquals(Set.of("b", "c"), Acl.apply(Set.of("a", "b"), "-a c"));
    }
}
