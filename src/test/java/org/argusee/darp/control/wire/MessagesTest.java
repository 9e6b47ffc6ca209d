package org.argusee.darp.control.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.argusee.darp.control.wire.Message.Reports;
import org.junit.jupiter.api.Test;

/** Every message reads back as written; bad ones fail naming what and where, bad report items only themselves. */
class MessagesTest {

    static final ReportItem DOWN = new ReportItem(
            42,
            "Top:Servers:mail:SMTP_mail",
            "down",
            "major",
            "timeout",
            Instant.parse("2026-11-24T10:15:30.123Z"),
            false);

    @Test
    void everyMessageRoundTrips() throws BadMessage {
        List<Message> all = List.of(
                new Message.Hello(1, "tok", 60000),
                new Message.Welcome(1, "master1", 41, 30000, "abc"),
                new Message.Welcome(1, "master1", 0, 30000, null),
                Reports.of(List.of(DOWN, new ReportItem(43, "Top:x", "up", "clear", null, DOWN.at(), true))),
                Reports.of(List.of(new ReportItem(
                        44,
                        "Top:y",
                        "down",
                        "major",
                        "closed",
                        DOWN.at(),
                        false,
                        new ReportItem.Told("down", "major", DOWN.at())))),
                new Message.Ack(43),
                new Message.ConfigChanged("v2"),
                new Message.Ping(7),
                new Message.Pong(7),
                new Message.ErrorReply("bad-report", "why", 42L),
                new Message.ErrorReply("malformed", "why", null));
        for (Message m : all) {
            assertEquals(m, Messages.parse(Messages.write(m)), Messages.write(m));
        }
    }

    @Test
    void theHellosTokenIsNotInItsText() {
        assertTrue(!new Message.Hello(1, "secret-token", 1).toString().contains("secret-token"));
    }

    @Test
    void notJsonIsMalformed() {
        BadMessage e = assertThrows(BadMessage.class, () -> Messages.parse("hello there"));
        assertEquals("malformed", e.code());
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    }

    @Test
    void structuralFaultsNameTheField() {
        assertMalformed("[1,2]", "a message is a JSON object");
        assertMalformed("{}", "message: 'type' is missing");
        assertMalformed("{\"type\":\"teleport\"}", "unknown message type 'teleport'");
        assertMalformed("{\"type\":\"ack\",\"seq\":\"7\"}", "ack: 'seq' must be a whole number");
        assertMalformed("{\"type\":\"ack\",\"seq\":1.5}", "ack: 'seq' must be a whole number");
        assertMalformed("{\"type\":\"hello\",\"protocol\":1,\"timeoutMillis\":5}", "hello: 'token' is missing");
        assertMalformed("{\"type\":\"reports\",\"items\":{}}", "reports: 'items' must be an array");
        assertMalformed(
                "{\"type\":\"reports\",\"items\":[{\"object\":\"Top:x\"}]}", "reports item 0: 'seq' is missing");
        assertMalformed("{\"type\":\"reports\",\"items\":[1]}", "reports item 0: not an object");
        assertMalformed("{\"type\":\"ack\",\"seq\":99999999999999999999999}", "ack: 'seq' is out of range");
        assertMalformed("", "empty message");
    }

    @Test
    void whatTheSlaveToldIsCheckedAndABadOneRejectedAlone() throws BadMessage {
        Reports r = (Reports) Messages.parse("""
                {"type":"reports","items":[
                  {"seq":1,"object":"Top:a","status":"down","severity":"major","at":"2026-11-24T10:00:00Z",
                   "told":{"status":"down","severity":"major","at":"2026-11-24T09:59:59Z"}},
                  {"seq":2,"object":"Top:b","status":"up","severity":"clear","at":"2026-11-24T10:00:00Z",
                   "told":{"status":"up","severity":"major","at":"2026-11-24T10:00:00Z"}},
                  {"seq":3,"object":"Top:c","status":"up","severity":"clear","at":"2026-11-24T10:00:00Z",
                   "told":"yes"}
                ]}""");
        assertEquals(
                new ReportItem.Told("down", "major", Instant.parse("2026-11-24T09:59:59Z")),
                r.items().get(0).told());
        assertEquals(
                List.of(
                        "reports item 1: told: an up state has severity clear",
                        "reports item 2: 'told' must be an object"),
                r.rejected().stream().map(Message.Rejected::problem).toList());
    }

    @Test
    void aBadReportItemIsRejectedAloneWithItsSeq() throws BadMessage {
        String text = """
                {"type":"reports","items":[
                  {"seq":1,"object":"Top:a","status":"down","severity":"major","at":"2026-11-24T10:00:00Z"},
                  {"seq":2,"object":"Top:b","status":"sideways","severity":"major","at":"2026-11-24T10:00:00Z"},
                  {"seq":3,"object":"Top:c","status":"up","severity":"clear","at":"yesterday"},
                  {"seq":4,"status":"up","severity":"clear","at":"2026-11-24T10:00:00Z"},
                  {"seq":5,"object":"Top:e","status":"up","severity":"major","at":"2026-11-24T10:00:00Z"},
                  {"seq":6,"object":"Top:f","status":"down","severity":"minor","at":"2026-11-24T10:00:00Z","override":"yes"}
                ]}""";
        Reports r = (Reports) Messages.parse(text);
        assertEquals(List.of(1L), r.items().stream().map(ReportItem::seq).toList());
        assertEquals(
                List.of(2L, 3L, 4L, 5L, 6L),
                r.rejected().stream().map(Message.Rejected::seq).toList());
        assertEquals(
                "reports item 1: status must be up or down, not 'sideways'",
                r.rejected().get(0).problem());
        assertTrue(
                r.rejected().get(1).problem().contains("'at' must be an ISO-8601 instant"),
                r.rejected().get(1).problem());
        assertEquals("reports item 3: 'object' is missing", r.rejected().get(2).problem());
        assertEquals(
                "reports item 4: an up report has severity clear",
                r.rejected().get(3).problem());
        assertEquals(
                "reports item 5: 'override' must be true or false",
                r.rejected().get(4).problem());
        assertEquals(6, r.maxSeq(), "rejected items are acked too");
    }

    @Test
    void tooManyItemsIsMalformed() {
        StringBuilder sb = new StringBuilder("{\"type\":\"reports\",\"items\":[");
        for (int i = 1; i <= Messages.MAX_ITEMS + 1; i++) {
            sb.append(i > 1 ? "," : "").append("{\"seq\":").append(i).append('}');
        }
        assertMalformed(sb.append("]}").toString(), "at most 1000 items");
    }

    @Test
    void aTooLongReasonIsRejected() throws BadMessage {
        ReportItem item = new ReportItem(9, "Top:a", "down", "major", "x".repeat(1001), DOWN.at(), false);
        Reports r = (Reports) Messages.parse(Messages.write(Reports.of(List.of(item))));
        assertEquals(
                "reports item 0: reason must be at most 1000 characters",
                r.rejected().get(0).problem());
    }

    private static void assertMalformed(String text, String expected) {
        BadMessage e = assertThrows(BadMessage.class, () -> Messages.parse(text), text);
        assertEquals("malformed", e.code());
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
    }
}
