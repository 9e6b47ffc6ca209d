package org.argusee.darp.control.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a master told rides in an ack as an optional field: an ack without it reads as before, one with it reads
 * back as written, and a bad told item fails the whole message naming the item and the field (nothing of it kept).
 */
class ToldAckTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void anAckCarriesWhatTheMasterToldAndReadsBack() throws BadMessage {
        Message.Ack ack = new Message.Ack(
                0, List.of(new ToldItem("Top:a:b", "down", "critical", AT), new ToldItem("Top:c", "up", "clear", AT)));
        String text = Messages.write(ack);
        assertTrue(text.contains("\"told\""), text);
        assertEquals(ack, Messages.parse(text));
    }

    @Test
    void anAckWithoutToldIsTheOldAck() throws BadMessage {
        assertEquals(new Message.Ack(7), Messages.parse("{\"type\":\"ack\",\"seq\":7}"));
        assertEquals(new Message.Ack(7), Messages.parse("{\"type\":\"ack\",\"seq\":7,\"told\":null}"));
        assertTrue(!Messages.write(new Message.Ack(7)).contains("told"), "an ack of nothing told says nothing of it");
    }

    @Test
    void aBadToldItemFailsTheMessageNamingWhereAndWhat() {
        assertMalformed("{\"type\":\"ack\",\"seq\":0,\"told\":{}}", "ack: 'told' must be an array");
        assertMalformed("{\"type\":\"ack\",\"seq\":0,\"told\":[3]}", "ack told item 0: not an object");
        assertMalformed(
                "{\"type\":\"ack\",\"seq\":0,\"told\":[" + item("down", "major") + "," + item("sideways", "major")
                        + "]}",
                "ack told item 1: told: status up or down and a severity, not 'sideways/major'");
        assertMalformed(
                "{\"type\":\"ack\",\"seq\":0,\"told\":[" + item("up", "major") + "]}",
                "ack told item 0: told: an up state has severity clear");
        assertMalformed(
                "{\"type\":\"ack\",\"seq\":0,\"told\":[{\"object\":\"Top:x\",\"status\":\"down\"}]}",
                "ack told item 0: 'severity' is missing");
        assertMalformed(
                "{\"type\":\"ack\",\"seq\":0,\"told\":[{\"object\":\"Top:x\",\"status\":\"down\","
                        + "\"severity\":\"major\",\"at\":\"yesterday\"}]}",
                "ack told item 0: 'at' must be an ISO-8601 instant");
        assertMalformed(
                "{\"type\":\"ack\",\"seq\":0,\"told\":[{\"object\":\"\",\"status\":\"down\","
                        + "\"severity\":\"major\",\"at\":\"" + AT + "\"}]}",
                "ack told item 0: object must be a full name");
    }

    @Test
    void tooManyToldItemsIsMalformed() {
        StringBuilder b = new StringBuilder("{\"type\":\"ack\",\"seq\":0,\"told\":[");
        for (int i = 0; i <= Messages.MAX_ITEMS; i++) {
            b.append(i == 0 ? "" : ",").append(item("down", "major"));
        }
        assertMalformed(b.append("]}").toString(), "ack: at most " + Messages.MAX_ITEMS + " told items");
    }

    private static String item(String status, String severity) {
        return "{\"object\":\"Top:x\",\"status\":\"" + status + "\",\"severity\":\"" + severity + "\",\"at\":\"" + AT
                + "\"}";
    }

    private static void assertMalformed(String text, String expected) {
        BadMessage e = assertThrows(BadMessage.class, () -> Messages.parse(text), text);
        assertEquals("malformed", e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
