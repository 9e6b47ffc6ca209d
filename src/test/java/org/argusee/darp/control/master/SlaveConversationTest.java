package org.argusee.darp.control.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.ReportItem;
import org.junit.jupiter.api.Test;

/** The master's stream rules: what closes, what is answered and kept, acks, duplicates, heartbeats. */
class SlaveConversationTest {

    final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
    final FakePort port = new FakePort();
    final SlaveConversation conversation = new SlaveConversation(port, t0);

    /** Plays the server: one valid token, last applied seq kept like the database keeps it. */
    static class FakePort implements SlaveConversation.Port {
        final List<Message> sent = new ArrayList<>();
        final List<ReportItem> applied = new ArrayList<>();
        Integer closedWith;
        String closeReason;
        long lastSeq;
        boolean databaseAway;

        @Override
        public Optional<SlaveConversation.Accepted> accept(String token, long slaveTimeoutMillis) {
            return token.equals("good")
                    ? Optional.of(new SlaveConversation.Accepted(
                            "slave1", new Message.Welcome(1, "master1", lastSeq, 2000, "v1")))
                    : Optional.empty();
        }

        @Override
        public long apply(String tag, Message.Reports reports) {
            if (databaseAway) {
                throw new IllegalStateException("database away");
            }
            for (ReportItem i : reports.items()) {
                if (i.seq() > lastSeq) {
                    applied.add(i);
                    lastSeq = i.seq();
                }
            }
            lastSeq = Math.max(lastSeq, reports.maxSeq());
            return reports.maxSeq();
        }

        /** Whether databaseAway's failure reads as the database's absence (a starved pool) rather than a bug. */
        boolean unreachable;

        @Override
        public boolean waitsForDatabase(RuntimeException failure) {
            return unreachable;
        }

        @Override
        public void send(String text) {
            try {
                sent.add(Messages.parse(text));
            } catch (BadMessage e) {
                throw new AssertionError("the master sent a bad message: " + text, e);
            }
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
            closeReason = reason;
        }

        Message last() {
            return sent.get(sent.size() - 1);
        }
    }

    @Test
    void aGoodHelloIsWelcomed() {
        hello("good", 1);
        assertEquals("slave1", conversation.tag());
        Message.Welcome w = assertInstanceOf(Message.Welcome.class, port.last());
        assertEquals("master1", w.master());
        assertNull(port.closedWith);
    }

    @Test
    void aFirstMessageThatIsNotHelloClosesWithAnError() {
        conversation.received("{\"type\":\"ping\",\"id\":1}", t0);
        assertError("malformed", "the first message must be hello, not 'ping'");
        assertEquals(SlaveConversation.BAD_HELLO, port.closedWith);
    }

    @Test
    void aFirstMessageThatIsNotJsonClosesWithAnError() {
        conversation.received("GET / HTTP/1.1", t0);
        assertError("malformed", "not JSON");
        assertEquals(SlaveConversation.BAD_HELLO, port.closedWith);
    }

    @Test
    void aBadTokenClosesUnauthorized() {
        hello("stolen", 1);
        assertError("unauthorized", "log in again");
        assertEquals(SlaveConversation.UNAUTHORIZED, port.closedWith);
        assertNull(conversation.tag());
    }

    @Test
    void anotherProtocolVersionClosesUnsupported() {
        hello("good", 2);
        assertError("unsupported-protocol", "speaks DARP protocol 1, not 2");
        assertEquals(SlaveConversation.UNSUPPORTED, port.closedWith);
    }

    @Test
    void aMalformedLaterMessageIsAnsweredAndTheConnectionKept() {
        hello("good", 1);
        conversation.received("{\"type\":\"reports\"}", t0);
        assertError("malformed", "reports: 'items' must be an array");
        conversation.received("{\"type\":\"ack\",\"seq\":3}", t0);
        assertError("malformed", "a slave does not send 'ack' here");
        conversation.received("{\"type\":\"ping\",\"id\":9}", t0);
        assertEquals(new Message.Pong(9), port.last());
        assertNull(port.closedWith);
    }

    @Test
    void reportsAreAckedAndAppliedOnce() {
        hello("good", 1);
        String two = reports(1, 2);
        conversation.received(two, t0);
        assertEquals(new Message.Ack(2), port.last());
        conversation.received(two, t0);
        assertEquals(new Message.Ack(2), port.last(), "a duplicate is acked");
        assertEquals(2, port.applied.size(), "and not applied again");
    }

    @Test
    void aBadItemIsAckedAndNamed() {
        hello("good", 1);
        conversation.received("""
                {"type":"reports","items":[
                 {"seq":1,"object":"Top:a","status":"down","severity":"major","at":"2026-11-24T10:00:00Z"},
                 {"seq":2,"object":"Top:b","status":"maybe","severity":"major","at":"2026-11-24T10:00:00Z"}]}""", t0);
        assertEquals(new Message.Ack(2), port.sent.get(port.sent.size() - 2));
        Message.ErrorReply e = assertInstanceOf(Message.ErrorReply.class, port.last());
        assertEquals("bad-report", e.code());
        assertEquals(2L, e.seq());
        assertNull(port.closedWith);
    }

    @Test
    void whenReportsWaitForTheDatabaseTheyAreKeptUnackedAndTriedAgainWhileTheLinkStaysUp() {
        hello("good", 1);
        port.databaseAway = true;
        port.unreachable = true;
        conversation.received(reports(1, 2), t0);
        conversation.received(reports(3, 3), t0);
        conversation.received(Messages.write(new Message.Ping(7)), t0);
        assertEquals(new Message.Pong(7), port.last(), "a ping behind unstored reports is answered");
        assertNull(port.closedWith, "the link stays up");
        assertTrue(port.sent.stream().noneMatch(m -> m instanceof Message.Ack));

        conversation.tick(t0.plusMillis(100));
        conversation.tick(t0.plusMillis(100 + ReportWriter.RETRY_MILLIS / 2));
        assertTrue(port.sent.stream().noneMatch(m -> m instanceof Message.Ack), "not retried before its time");
        port.databaseAway = false;
        conversation.tick(t0.plusMillis(100 + ReportWriter.RETRY_MILLIS));
        assertEquals(
                List.of(new Message.Ack(2), new Message.Ack(3)),
                port.sent.stream().filter(m -> m instanceof Message.Ack).toList(),
                "stored in order once the database is back, each acked once");
        assertEquals(3, port.applied.size());
        assertNull(port.closedWith);
    }

    @Test
    void whenReportsCannotBeStoredForAnotherReasonNothingIsAckedAndTheSlaveMustComeBack() {
        hello("good", 1);
        port.databaseAway = true;
        conversation.received(reports(1, 1), t0);
        assertTrue(port.sent.stream().noneMatch(m -> m instanceof Message.Ack));
        assertEquals(SlaveConversation.UNAVAILABLE, port.closedWith);
    }

    @Test
    void pingsGoAtAThirdOfTheSlavesTimeoutAndASilentSlaveIsClosed() {
        hello("good", 1);
        conversation.tick(t0.plusMillis(900));
        assertTrue(port.sent.stream().noneMatch(m -> m instanceof Message.Ping));
        conversation.tick(t0.plusMillis(1000));
        assertEquals(new Message.Ping(1), port.last());
        conversation.received("{\"type\":\"pong\",\"id\":1}", t0.plusMillis(1100));
        conversation.tick(t0.plusMillis(3000));
        assertNull(port.closedWith);
        conversation.tick(t0.plusMillis(3101));
        assertEquals(SlaveConversation.TIMEOUT, port.closedWith);
        assertEquals("nothing heard for 2000 ms", port.closeReason);
    }

    @Test
    void aSlaveThatNeverSaysHelloIsClosed() {
        conversation.tick(t0.plusMillis(SlaveConversation.HELLO_MILLIS + 1));
        assertEquals(SlaveConversation.TIMEOUT, port.closedWith);
    }

    @Test
    void configChangesArePushedToAWelcomedSlaveOnly() {
        conversation.configChanged("v0");
        assertTrue(port.sent.isEmpty());
        hello("good", 1);
        conversation.configChanged("v2");
        assertEquals(new Message.ConfigChanged("v2"), port.last());
    }

    @Test
    void aSlowStoreDoesNotHoldUpTheTimer() throws Exception {
        java.util.concurrent.CountDownLatch storing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SlaveConversation slow = new SlaveConversation(
                new FakePort() {
                    @Override
                    public long apply(String tag, Message.Reports reports) {
                        storing.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.apply(tag, reports);
                    }
                },
                t0);
        slow.received(Messages.write(new Message.Hello(1, "good", 3000)), t0);
        Thread socket = new Thread(() -> slow.received(reports(1, 2), t0));
        socket.start();
        try {
            assertTrue(storing.await(10, java.util.concurrent.TimeUnit.SECONDS), "the store was not called");
            java.util.concurrent.CompletableFuture<Void> tick =
                    java.util.concurrent.CompletableFuture.runAsync(() -> slow.tick(t0.plusMillis(1500)));
            tick.get(10, java.util.concurrent.TimeUnit.SECONDS); // would wait for the store before the fix
            assertEquals("slave1", slow.tag());
        } finally {
            release.countDown();
            socket.join(10_000);
        }
    }

    private void hello(String token, int protocol) {
        conversation.received(Messages.write(new Message.Hello(protocol, token, 3000)), t0);
    }

    private static String reports(long from, long to) {
        List<ReportItem> items = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            items.add(new ReportItem(
                    s, "Top:o" + s, "down", "major", "timeout", Instant.parse("2026-11-24T10:00:00Z"), false));
        }
        return Messages.write(Message.Reports.of(items));
    }

    private void assertError(String code, String text) {
        Message.ErrorReply e = assertInstanceOf(Message.ErrorReply.class, port.last());
        assertEquals(code, e.code());
        assertTrue(e.message().contains(text), e.message());
    }
}
