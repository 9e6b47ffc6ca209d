package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdleWaitTest {

    @Test
    void returnsAtOnceWhenThereIsWork() {
        IdleWait wait = new IdleWait(() -> false);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> wait.whileIdle());
    }

    @Test
    void waitsWhileIdleAndGoesOnWhenSignalledWithWork() throws Exception {
        AtomicBoolean idle = new AtomicBoolean(true);
        IdleWait wait = new IdleWait(idle::get);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                waiting.countDown();
                wait.whileIdle();
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        wait.signal(); // a signal without work leaves it waiting
        assertFalse(done.await(50, TimeUnit.MILLISECONDS));
        idle.set(false);
        wait.signal();
        assertTrue(done.await(5, TimeUnit.SECONDS), "woken once there is work");
        t.join(5000);
    }

    @Test
    void aTimedWaitEndsWhenSignalledWithWork() throws Exception {
        AtomicBoolean idle = new AtomicBoolean(true);
        IdleWait wait = new IdleWait(idle::get);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                wait.whileIdle(TimeUnit.HOURS.toMillis(1));
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        idle.set(false);
        wait.signal();
        assertTrue(done.await(5, TimeUnit.SECONDS), "woken once there is work, long before its time");
        t.join(5000);
    }

    @Test
    void aTimedWaitEndsAtItsTimeWhileStillIdle() {
        IdleWait wait = new IdleWait(() -> true);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> wait.whileIdle(20));
    }

    @Test
    void anInterruptEndsTheWait() throws Exception {
        IdleWait wait = new IdleWait(() -> true);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                wait.whileIdle();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        t.start();
        t.interrupt();
        t.join(5000);
        assertTrue(interrupted.get());
    }
}
