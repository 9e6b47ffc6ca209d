package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagListTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));
    private static final DarpTopology SLAVE = new DarpTopology("s1", Set.of("m"), Set.of());
    private static final DarpTopology BOTH = new DarpTopology("x", Set.of("m"), Set.of("s3"));

    @Test
    void wordsAreSeparatedBySpacesAndKeywordsCapitalised() {
        TagList list = TagList.parse("  slaves\ts1   Masters * local ");
        assertEquals(List.of("SLAVES", "s1", "MASTERS", "*", "LOCAL"), list.words());
        assertEquals("SLAVES s1 MASTERS * LOCAL", list.toString());
        assertTrue(TagList.parse(null).isEmpty());
        assertTrue(TagList.parse("  ").isEmpty());
        assertEquals(TagList.parse("SLAVES s1"), TagList.parse("slaves  s1"));
    }

    @Test
    void tagsAreComparedExactly() {
        assertFalse(TagList.parse("S1").includes("s1", MASTER));
    }

    @Test
    void starIsEveryServerKnownHereItselfIncluded() {
        assertEquals(Set.of("m", "s1", "s2"), TagList.parse("*").expand(MASTER));
        assertEquals(Set.of("m", "s1"), TagList.parse("*").expand(SLAVE), "a slave knows only its masters");
        assertEquals(Set.of("lone"), TagList.parse("*").expand(DarpTopology.standalone("lone")));
    }

    @Test
    void slavesIncludesThisServerWhenItHasMasters() {
        assertEquals(Set.of("s1", "s2"), TagList.parse("SLAVES").expand(MASTER));
        assertEquals(Set.of("s1"), TagList.parse("SLAVES").expand(SLAVE));
        assertEquals(Set.of("s3", "x"), TagList.parse("SLAVES").expand(BOTH));
    }

    @Test
    void mastersIncludesThisServerWhenItHasSlaves() {
        assertEquals(Set.of("m"), TagList.parse("MASTERS").expand(MASTER));
        assertEquals(Set.of("m"), TagList.parse("MASTERS").expand(SLAVE));
        assertEquals(Set.of("m", "x"), TagList.parse("MASTERS").expand(BOTH));
    }

    @Test
    void localStandsForTheTestingServersAndIsNothingInDarpTags() {
        assertEquals(Set.of(), TagList.parse("LOCAL").expand(MASTER));
        assertEquals(Set.of("s1", "s2"), TagList.parse("LOCAL").expand(MASTER, Set.of("s1", "s2")));
        assertFalse(TagList.parse("LOCAL").includes("m", MASTER));
    }

    @Test
    void namedTagsNeedNotBeKnown() {
        assertEquals(Set.of("m", "s9"), TagList.parse("s9 m").expand(MASTER));
        assertTrue(TagList.parse("s9").includes("s9", MASTER));
    }

    @Test
    void includesAgreesWithExpandForEveryFormAndServer() {
        for (String text : List.of("*", "SLAVES", "MASTERS", "LOCAL", "s1", "m s2", "x s3", "")) {
            TagList list = TagList.parse(text);
            for (DarpTopology here : List.of(MASTER, SLAVE, BOTH)) {
                for (String tag : List.of("m", "s1", "s2", "s3", "x", "s9")) {
                    assertEquals(
                            list.expand(here).contains(tag),
                            list.includes(tag, here),
                            "'" + text + "' on " + here.self() + " for " + tag);
                }
            }
        }
    }

    @Test
    void aServerCannotBeItsOwnPeer() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DarpTopology("m", Set.of(), Set.of("m")));
        assertTrue(e.getMessage().contains("'m'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DarpTopology.standalone(" "));
    }
}
