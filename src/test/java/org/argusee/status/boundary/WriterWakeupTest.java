package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The status writer's rounds: the first at once, then one for what the board hands over, none lost between a round's
 * start and its drain; they end on stop. Waits for conditions with deadlines only.
 */
class WriterWakeupTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final WriterWakeup wakeup = new WriterWakeup();
    private final List<Integer> queued = new CopyOnWriteArrayList<>();
    private final List<Integer> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger rounds = new AtomicInteger();

    /** As the board does: queue, then tell; as the writer does: its round drains what is queued. */
    private void hand(int item) {
        queued.add(item);
        wakeup.arrived();
    }

    private void round() {
        rounds.incrementAndGet();
        List<Integer> taken = List.copyOf(queued);
        queued.removeAll(taken);
        stored.addAll(taken);
    }

    @Test
    void whatIsHandedOverIsStoredInOrderAndTheRoundsEndOnStop() throws InterruptedException {
        Thread writer = new Thread(() -> wakeup.run(this::round, () -> Long.MAX_VALUE, 10));
        writer.start();
        Eventually.await("the first round, at once", WITHIN, () -> rounds.get() >= 1);
        for (int i = 0; i < 1_000; i++) {
            hand(i);
        }
        Eventually.await("everything handed over stored", WITHIN, () -> stored.size() == 1_000);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(i, stored.get(i));
        }
        wakeup.stop();
        writer.join(WITHIN.toMillis());
        assertEquals(false, writer.isAlive());
    }

    @Test
    void aRoundRunsAtItsDueTimeWithNothingHandedOver() throws InterruptedException {
        Thread writer = new Thread(() -> wakeup.run(this::round, System::currentTimeMillis, 10));
        writer.start();
        Eventually.await("rounds at their due time", WITHIN, () -> rounds.get() >= 3);
        wakeup.stop();
        writer.join(WITHIN.toMillis());
    }
}
