package org.argusee.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DARP peers' news: one "peers" change for many events, and none without news. */
class LiveInboxPeersTest {

    @Test
    void manyEventsBecomeOnePeersChange() {
        LiveInbox inbox = new LiveInbox();
        assertTrue(inbox.peersDue().isEmpty(), "no news, nothing to send");
        for (int i = 0; i < 100; i++) {
            inbox.peersChanged();
        }
        List<LiveInbox.Item> due = inbox.peersDue();
        assertEquals(1, due.size());
        assertEquals(Change.Kind.PEERS, due.get(0).kind());
        assertTrue(inbox.peersDue().isEmpty(), "sent once");
    }

    @Test
    void newsWithinASecondOfTheLastWaitsForIt() {
        LiveInbox inbox = new LiveInbox();
        inbox.peersChanged();
        assertEquals(1, inbox.peersDue().size());
        inbox.peersChanged();
        assertTrue(inbox.peersDue().isEmpty(), "at most once a second (a busy master's reports)");
    }

    @Test
    void aPeersChangeIsKeptBesideTheGroupsWhenCoalesced() {
        LiveInbox inbox = new LiveInbox();
        inbox.peersChanged();
        List<LiveInbox.Item> merged = LiveInbox.coalesce(List.of(), inbox.peersDue());
        assertEquals(
                List.of(Change.Kind.PEERS),
                merged.stream().map(LiveInbox.Item::kind).toList());
    }
}
