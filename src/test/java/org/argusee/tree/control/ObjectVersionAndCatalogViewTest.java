package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.tree.control.ParameterCatalogView.ServiceEntry;
import org.junit.jupiter.api.Test;

class ObjectVersionAndCatalogViewTest {

    @Test
    void theVersionFollowsContentNotOrderOrPosition() {
        TreeRows rows = TreeRows.withTop();
        long s = rows.service(1, "Ping", "Ping");
        rows.param(s, "frequency", "30").local(s, "frequency", "10");
        TreeNode node = rows.build().byId(s).orElseThrow();
        String fromSnapshot = ObjectVersion.of(node);

        String fromRow = ObjectVersion.of(
                ObjectKind.SERVICE,
                "Ping",
                "Ping",
                null,
                1L,
                List.of(new Parameter("frequency", "10", true), new Parameter("frequency", "30", false)));
        assertEquals(fromSnapshot, fromRow);
        assertNotEquals(
                fromRow,
                ObjectVersion.of(
                        ObjectKind.SERVICE,
                        "Ping",
                        "Ping",
                        null,
                        1L,
                        List.of(new Parameter("frequency", "10", true), new Parameter("frequency", "31", false))));
        assertNotEquals(fromRow, ObjectVersion.of(ObjectKind.SERVICE, "Ping", "Ping", null, 2L, List.of()));
    }

    @Test
    void theCatalogListsEachTypeWithItsOwnParameters() {
        ParameterCatalogView view = ParameterCatalogView.of(ParameterCatalog.standard());
        ServiceEntry smtp = entry(view, "TCP/SMTP");
        assertEquals(25, smtp.port());
        assertEquals(List.of(), smtp.required(), "SMTP has a port of its own");
        assertEquals(List.of("port"), entry(view, "TCP").required());
        assertEquals(List.of("port", "send"), entry(view, "UDP").required());
        assertTrue(smtp.parameters().contains("port"), smtp.toString());
        assertTrue(smtp.parameters().contains("hostname"), smtp.toString());
        assertTrue(entry(view, "UDP/SNMPv3").parameters().contains("snmpuser"));
        assertEquals("REST_OF_TEXT", entry(view, "UDP/SNMP").tail());
        assertTrue(entry(view, "Prog").parameters().contains("command"));
        assertTrue(entry(view, "DNS").parameters().contains("zone"));
        assertFalse(entry(view, "DARP").selectable(), "DARP needs its application: DARP/Watch");
        assertTrue(entry(view, "DARP/Watch").selectable());
        assertTrue(view.serviceParameters().contains("frequency"));
        assertTrue(view.objectParameters().contains("sendnotify"));
        assertTrue(view.parameters().get("frequency").inherited());
        assertTrue(view.parameters().get("frequency").timespec());
        assertFalse(view.parameters().get("frequency").description().isBlank());
    }

    private static ServiceEntry entry(ParameterCatalogView view, String type) {
        return view.services().stream()
                .filter(s -> s.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }
}
