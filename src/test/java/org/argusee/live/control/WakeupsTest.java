package org.argusee.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live dispatcher runs when something arrived or is due, and not otherwise (issue 17: the idle server). */
class WakeupsTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final ScheduledThreadPoolExecutor one = new ScheduledThreadPoolExecutor(1);

    {
        one.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        one.shutdownNow();
    }

    @Test
    void nothingArrivedNoRound() {
        Wakeups wakeups = new Wakeups(() -> {}, HOUR);
        wakeups.start(one);
        wakeups.dueAt(OptionalLong.empty());
        assertTrue(one.getQueue().isEmpty(), "no round scheduled for an idle hub");
    }

    @Test
    void anArrivalMakesARound() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Wakeups wakeups = new Wakeups(ran::countDown, TimeUnit.MILLISECONDS.toNanos(25));
        LiveInbox inbox = new LiveInbox(wakeups::arrived);
        wakeups.start(one);
        inbox.add(Change.Kind.TREE, 0, null);
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the dispatcher ran for what arrived");
    }

    @Test
    void arrivalsWithinAPeriodShareOneRound() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        Wakeups wakeups = new Wakeups(
                () -> {
                    rounds.incrementAndGet();
                    first.countDown();
                },
                HOUR);
        LiveInbox inbox = new LiveInbox(wakeups::arrived);
        wakeups.start(one);
        inbox.add(Change.Kind.TREE, 0, null);
        assertTrue(first.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            inbox.add(Change.Kind.STATUS, i, "x" + i);
            inbox.peersChanged();
        }
        assertEquals(1, one.getQueue().size(), "one round for all of them, a period after the last");
        assertEquals(1, rounds.get());
    }

    @Test
    void heldItemsGetARoundWhenDueAndAnEarlierDueTimeReplacesALaterOne() {
        Wakeups wakeups = new Wakeups(() -> {}, HOUR);
        wakeups.start(one);
        long now = System.nanoTime();
        wakeups.dueAt(OptionalLong.of(now + TimeUnit.MILLISECONDS.toNanos(900)));
        assertEquals(1, one.getQueue().size());
        Runnable first = one.getQueue().peek();
        wakeups.dueAt(OptionalLong.of(now + TimeUnit.MILLISECONDS.toNanos(950)));
        assertSame(first, one.getQueue().peek(), "a later due time does not add or move a round");
        wakeups.dueAt(OptionalLong.of(now + TimeUnit.MILLISECONDS.toNanos(500)));
        assertEquals(1, one.getQueue().size(), "an earlier one replaces it");
        long delay = ((Delayed) one.getQueue().peek()).getDelay(TimeUnit.NANOSECONDS);
        assertTrue(delay <= TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void theInboxSaysWhenWhatItHoldsIsDue() {
        LiveInbox inbox = new LiveInbox();
        assertTrue(inbox.nextDue().isEmpty(), "nothing held");
        inbox.peersChanged();
        assertEquals(1, inbox.peersDue().size());
        long sent = System.nanoTime();
        inbox.peersChanged();
        assertTrue(inbox.peersDue().isEmpty(), "held: within a second of the last");
        long due = inbox.nextDue().orElseThrow();
        assertTrue(due - sent <= LiveInbox.PEERS_EVERY_NANOS, "due a second after the last was sent");
        assertTrue(due - sent > 0);
    }
}
