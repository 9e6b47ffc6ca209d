package org.argusee.darp.control.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stream messages bound to the login (issue 15, finding 1c): changed, made up, replayed or dropped ones refused. */
class StreamSealTest {

    final byte[] key = new byte[32];
    final StreamSeal slave = new StreamSeal(key, StreamSeal.Direction.SLAVE_TO_MASTER);
    final StreamSeal master = new StreamSeal(key, StreamSeal.Direction.MASTER_TO_SLAVE);

    static final String REPORT =
            "{\"type\":\"reports\",\"items\":[{\"seq\":1,\"object\":\"Top:a\",\"status\":\"down\"}]}";

    @Test
    void aSealedMessageOpensAsWrittenInBothDirections() throws BadMessage {
        String sealed = slave.seal(REPORT);
        assertTrue(sealed.contains("\"n\":1,\"mac\":\""), sealed);
        assertEquals(REPORT, master.open(sealed));
        assertEquals("{\"type\":\"ack\",\"seq\":1}", slave.open(master.seal("{\"type\":\"ack\",\"seq\":1}")));
        assertEquals(REPORT, master.open(slave.seal(REPORT)), "the second one too");
    }

    @Test
    void aChangedMessageIsRefused() {
        String sealed = slave.seal(REPORT).replace("down", "up");
        assertEquals(
                "unauthorized",
                assertThrows(BadMessage.class, () -> master.open(sealed)).code());
    }

    @Test
    void anUnsealedOrForeignMessageIsRefused() {
        assertThrows(BadMessage.class, () -> master.open(REPORT));
        StreamSeal stranger = new StreamSeal(new byte[] {1, 2, 3}, StreamSeal.Direction.SLAVE_TO_MASTER);
        assertThrows(BadMessage.class, () -> master.open(stranger.seal(REPORT)));
    }

    @Test
    void aReplayedDroppedOrReflectedMessageIsRefused() throws BadMessage {
        String first = slave.seal(REPORT);
        master.open(first);
        assertThrows(BadMessage.class, () -> master.open(first), "replayed");
        slave.seal(REPORT); // dropped on the way
        String third = slave.seal(REPORT);
        assertThrows(BadMessage.class, () -> master.open(third), "one missing before it");
        StreamSeal other = new StreamSeal(key, StreamSeal.Direction.MASTER_TO_SLAVE);
        assertThrows(BadMessage.class, () -> other.open(master.seal(REPORT)), "the master's own message sent back");
    }
}
