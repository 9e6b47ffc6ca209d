package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterCatalogTest {

    private final ParameterCatalog catalog = ParameterCatalog.standard();

    @Test
    void readsEveryLineOfTheList() {
        int total = catalog.names().stream()
                .mapToInt(n -> catalog.definitions(n).size())
                .sum();
        assertEquals(
                392 + 5,
                total,
                "392 lines of parameters.txt (the last has no newline, so wc -l says 391)"
                        + " and 5 of argusee-parameters.txt");
        assertSame(catalog, ParameterCatalog.standard());
    }

    @Test
    void everyContextOfTheListIsClassifiedAsTreeOrBlock() {
        catalog.names().forEach(n -> catalog.definitions(n)
                .forEach(d -> assertTrue(ParameterContexts.isClassified(d.context()), d.context())));
    }

    @Test
    void namesAreSortedAndIncludeBlockOnlyOnes() {
        List<String> names = new ArrayList<>(catalog.names());
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(catalog.isKnown("secret"));
        assertTrue(catalog.isKnown("schedule clear"));
        assertFalse(catalog.isKnown("frequncy"));
    }

    @Test
    void definitionCarriesAllFields() {
        ParameterDefinition d = catalog.definitions("darp_gravity").get(0);
        assertEquals("multi monitor decision algorithm", d.description());
        assertEquals(Set.of("inherit"), d.attributes());
        assertEquals(List.of("up", "down", "vote", "self", "ietf"), d.values());
        assertEquals("down", d.defaultValue());
        assertEquals("DARP::Service (darp)", d.context());
        assertEquals("3.3", d.since());
        assertTrue(d.inherited());
        assertFalse(d.bool());
    }

    @Test
    void portIsNotInheritedOnServicesThoughItIsInADarpMasterBlock() {
        assertEquals(4, catalog.definitions("port").size());
        assertFalse(catalog.isInherited("port"));
        assertTrue(catalog.rule("port", ParameterContexts.inClass("DARP::Slave"))
                .orElseThrow()
                .inherited());
    }

    @Test
    void frequencyAndTimeoutAreInheritedTimespecs() {
        assertTrue(catalog.isInherited("frequency"));
        assertTrue(catalog.isTimespec("frequency"));
        assertTrue(catalog.isInherited("timeout"));
        assertTrue(catalog.isTimespec("timeout"));
        assertEquals(Optional.of("60"), catalog.defaultValue("timeout"));
    }

    @Test
    void blockContextsDoNotChangeHowTreeObjectsSeeAKey() {
        assertFalse(catalog.isInherited("label"), "label is inherited only in a DARP slave block");
        assertTrue(catalog.isInherited("hostname"));
        assertTrue(catalog.isBoolean("debug"), "debug is a plain value in the DARP block");
        assertFalse(catalog.isKnownIn("secret", ParameterContexts.TREE));
        assertTrue(catalog.isKnownIn("secret", ParameterContexts.inClass("DARP::Conf")));
        assertFalse(catalog.isInherited("secret"));
    }

    @Test
    void disagreeingTreeContextsTakeThePermissiveSide() {
        assertEquals(List.of(), catalog.values("param"), "free for Agent, a list for Self");
        assertEquals(
                11,
                catalog.rule("param", ParameterContexts.inClass("Self"))
                        .orElseThrow()
                        .values()
                        .size());
        assertEquals(Optional.empty(), catalog.defaultValue("pass"), "only FreeSWITCH has a default");
        assertEquals(
                "ClueCon",
                catalog.rule("pass", ParameterContexts.inClass("Argus::Freeswitch"))
                        .orElseThrow()
                        .defaultValue());
    }

    @Test
    void valuesAndDefaults() {
        assertEquals(List.of("up", "down", "vote"), catalog.values("gravity"));
        assertEquals(Optional.of("critical"), catalog.defaultValue("severity"));
        assertEquals(Optional.empty(), catalog.defaultValue("notify"));
        assertEquals(List.of(), catalog.values("darp_tags"));
        assertTrue(catalog.isBoolean("sendnotify"));
        assertFalse(catalog.isBoolean("notify"));
        assertFalse(catalog.isInherited("nosuchkey"));
    }

    @Test
    void nullKeyIsSimplyUnknown() {
        assertFalse(catalog.isKnown(null));
        assertEquals(List.of(), catalog.definitions(null));
        assertFalse(catalog.isInherited(null));
        assertEquals(Optional.empty(), catalog.defaultValue(null));
    }

    @Test
    void parsesAMinimalListSkippingBlankAndCommentLines() {
        ParameterCatalog small = ParameterCatalog.parse(new StringReader("""
                # a note

                retries :: how often | attr: inherit | default: 2 | used in: Service
                port :: TCP port | used in: TCP
                """));
        assertEquals(List.of("port", "retries"), List.copyOf(small.names()));
        assertTrue(small.isInherited("retries"));
        assertEquals(Optional.of("2"), small.defaultValue("retries"));
        assertEquals(null, small.definitions("port").get(0).since());
    }

    @Test
    void malformedLineIsReportedWithItsNumberAndText() {
        String text = "retries :: how often | used in: Service\nport TCP port | used in: TCP\n";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ParameterCatalog.parse(new StringReader(text)));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("port TCP port | used in: TCP"), e.getMessage());
    }

    @Test
    void lineWithoutContextOrWithUnknownFieldIsMalformed() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ParameterCatalog.parse(new StringReader("port :: TCP port | attr: inherit\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ParameterCatalog.parse(new StringReader("port :: TCP port | colour: red | used in: TCP\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ParameterCatalog.parse(new StringReader("port :: x | used in: TCP | used in: UDP\n")));
    }
}
