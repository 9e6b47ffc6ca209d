package org.argusee.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveQueuesTest {

    @Test
    void ringReplaysTheLastChangePerObjectFromARoundOnOrSaysItIsTooFarBehind() {
        ChangeRing ring = new ChangeRing(3);
        ring.add(new Change(1, Change.Kind.STATUS, 10, "Top:a"));
        ring.add(new Change(2, Change.Kind.STATUS, 11, "Top:b"));
        ring.add(new Change(3, Change.Kind.STATUS, 10, "Top:a"));
        assertEquals(
                List.of(2L, 3L),
                ring.from(2, 3).orElseThrow().stream().map(Change::seq).toList());
        assertEquals(
                List.of(3L),
                ring.from(3, 3).orElseThrow().stream().map(Change::seq).toList(),
                "round 3 again");
        assertEquals(List.of(), ring.from(4, 4).orElseThrow(), "nothing numbered yet after the last");
        ring.add(new Change(4, Change.Kind.TREE, 0, null));
        assertTrue(ring.from(1, 4).isEmpty(), "1 fell out of the ring");
        assertEquals(
                List.of(2L, 3L, 4L),
                ring.from(2, 4).orElseThrow().stream().map(Change::seq).toList());
        assertTrue(ring.from(9, 4).isEmpty(), "a number from the future: the server restarted");
    }

    @Test
    void aRoundPartlyOutOfTheRingIsOutOfReach() {
        ChangeRing ring = new ChangeRing(2);
        ring.add(new Change(7, Change.Kind.STATUS, 10, "Top:a"));
        ring.add(new Change(7, Change.Kind.STATUS, 11, "Top:b"));
        ring.add(new Change(7, Change.Kind.STATUS, 12, "Top:c"));
        assertTrue(ring.from(7, 7).isEmpty(), "Top:a of round 7 is gone");
        ring.add(new Change(9, Change.Kind.STATUS, 10, "Top:a"));
        assertEquals(
                List.of(9L),
                ring.from(8, 9).orElseThrow().stream().map(Change::seq).toList());
    }

    @Test
    void aSlowSocketGetsOneResyncInsteadOfABacklog() {
        List<String> sent = new ArrayList<>();
        SocketQueue queue = new SocketQueue(3, sent::add);
        queue.offer("m1"); // goes out at once; its send never completes: a stalled client
        for (int i = 2; i <= 10; i++) {
            queue.offer("m" + i);
        }
        assertEquals(List.of("m1"), sent);
        assertTrue(queue.waiting() <= 3, "bounded: " + queue.waiting());
        assertTrue(queue.overflows() > 0);
        queue.sent();
        assertEquals(LiveMessages.RESYNC, sent.get(1), "the backlog was replaced by a resync");
    }

    @Test
    void aSocketWhoseOldestMessageWaitedTooLongGetsAResyncInsteadOfOldNews() {
        List<String> sent = new ArrayList<>();
        long[] now = {0};
        SocketQueue queue = new SocketQueue(1000, 5_000, () -> now[0], sent::add);
        queue.offer("m1"); // out at once; its send completes late: a slow client
        now[0] = 1_000;
        queue.offer("m2");
        queue.offer("m3");
        now[0] = 6_000; // m2 has waited 5,000: not yet too old
        queue.offer("m4");
        assertEquals(3, queue.waiting());
        assertEquals(0, queue.overflows());
        now[0] = 6_001; // now it has
        queue.offer("m5");
        assertEquals(1, queue.waiting(), "the backlog, m5 with it, became one resync");
        assertEquals(1, queue.overflows());
        now[0] = 20_000;
        queue.offer("m6"); // behind the resync, which is old itself but never old news: m6 stays
        queue.sent();
        queue.sent();
        assertEquals(List.of("m1", LiveMessages.RESYNC, "m6"), sent);
    }

    @Test
    void aBacklogThatAgedWhileTheClientReadSlowlyIsDroppedBeforeTheNextSend() {
        List<String> sent = new ArrayList<>();
        long[] now = {0};
        SocketQueue queue = new SocketQueue(1000, 5_000, () -> now[0], sent::add);
        queue.offer("m1");
        queue.offer("m2");
        queue.offer("m3");
        now[0] = 7_000; // no new offer; the slow send of m1 completes late
        queue.sent();
        assertEquals(List.of("m1", LiveMessages.RESYNC), sent, "m2 and m3 are old news");
        queue.sent();
        assertEquals(0, queue.waiting());
        queue.offer("m4");
        assertEquals("m4", sent.get(sent.size() - 1), "fresh news goes out again");
    }

    @Test
    void sendsOneAtATimeInOrder() {
        List<String> sent = new ArrayList<>();
        SocketQueue queue = new SocketQueue(10, sent::add);
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");
        assertEquals(List.of("a"), sent);
        queue.sent();
        queue.sent();
        assertEquals(List.of("a", "b", "c"), sent);
        queue.sent();
        queue.offer("d");
        assertEquals(List.of("a", "b", "c", "d"), sent);
    }

    @Test
    void sendsThatCompleteAtOnceDoNotNestOneInTheOther() {
        List<String> sent = new ArrayList<>();
        SocketQueue[] queue = new SocketQueue[1];
        boolean[] blocked = {true};
        queue[0] = new SocketQueue(200_000, m -> {
            sent.add(m);
            if (!blocked[0]) {
                queue[0].sent(); // the container wrote it at once and completes on the caller's thread
            }
        });
        queue[0].offer("first"); // its send completes later: a backlog builds up behind it
        for (int i = 0; i < 100_000; i++) {
            queue[0].offer("m" + i);
        }
        blocked[0] = false;
        queue[0].sent(); // nested, this took 100,000 frames: a StackOverflowError that ended the sends
        assertEquals(100_001, sent.size());
        assertEquals(0, queue[0].waiting());
        queue[0].offer("later");
        assertEquals("later", sent.get(sent.size() - 1), "the queue still sends");
    }

    @Test
    void notificationsAreHeldOnePerObjectAndReleasedTogether() {
        LiveInbox inbox = new LiveInbox();
        List<LiveInbox.Item> ready = List.of(
                new LiveInbox.Item(0, Change.Kind.NOTIFICATION, 10, "Top:a"),
                new LiveInbox.Item(0, Change.Kind.STATUS, 10, "Top:a"),
                new LiveInbox.Item(0, Change.Kind.NOTIFICATION, 0, "Top:gone"),
                new LiveInbox.Item(0, Change.Kind.NOTIFICATION, 10, "Top:a"));
        List<LiveInbox.Item> rest = inbox.holdNotifications(ready);
        assertEquals(
                List.of(Change.Kind.STATUS),
                rest.stream().map(LiveInbox.Item::kind).toList());
        assertEquals(
                List.of("Top:gone", "Top:a"),
                inbox.notificationsDue().stream().map(LiveInbox.Item::fullName).toList());
        inbox.holdNotifications(List.of(new LiveInbox.Item(0, Change.Kind.NOTIFICATION, 11, "Top:b")));
        assertEquals(List.of(), inbox.notificationsDue(), "a quarter second has not passed");
    }

    @Test
    void ringKeepsTheLastNotificationChangePerObjectByName() {
        ChangeRing ring = new ChangeRing(10);
        ring.add(new Change(1, Change.Kind.NOTIFICATION, 0, "Top:gone"));
        ring.add(new Change(2, Change.Kind.NOTIFICATION, 0, "Top:also-gone"));
        ring.add(new Change(3, Change.Kind.NOTIFICATION, 10, "Top:a"));
        ring.add(new Change(4, Change.Kind.STATUS, 10, "Top:a"));
        ring.add(new Change(5, Change.Kind.NOTIFICATION, 0, "Top:gone"));
        assertEquals(
                List.of(2L, 3L, 4L, 5L),
                ring.from(0, 5).orElseThrow().stream().map(Change::seq).toList());
    }
}
