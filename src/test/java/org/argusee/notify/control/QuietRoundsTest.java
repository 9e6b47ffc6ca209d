package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuietRoundsTest {

    private static final long LONG = TimeUnit.HOURS.toMillis(1);

    @Test
    void theRoundsGoOnWhileTheLastLookFoundSomething() {
        QuietRounds rounds = new QuietRounds();
        rounds.looked(rounds.beforeLook(), true);
        assertFalse(rounds.quiet());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rounds.awaitNews(LONG));
    }

    @Test
    void theFirstRoundIsNotQuiet() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new QuietRounds().awaitNews(LONG));
    }

    @Test
    void aLookThatFoundNothingWaitsForNews() throws Exception {
        QuietRounds rounds = new QuietRounds();
        rounds.looked(rounds.beforeLook(), false);
        assertTrue(rounds.quiet());
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                waiting.countDown();
                rounds.awaitNews(LONG);
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        assertFalse(done.await(50, TimeUnit.MILLISECONDS), "no news: still waiting");
        rounds.news();
        assertTrue(done.await(5, TimeUnit.SECONDS), "woken by the news");
        assertFalse(rounds.quiet(), "until the next look");
        t.join(5000);
    }

    @Test
    void newsDuringTheLookKeepsTheRoundsGoing() {
        QuietRounds rounds = new QuietRounds();
        long mark = rounds.beforeLook();
        rounds.news(); // committed after the look's snapshot: the look could not see it
        rounds.looked(mark, false);
        assertFalse(rounds.quiet());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rounds.awaitNews(LONG));
    }

    @Test
    void aRoundThatCouldNotLookIsNotQuiet() {
        QuietRounds rounds = new QuietRounds();
        rounds.looked(rounds.beforeLook(), false);
        rounds.busy();
        assertFalse(rounds.quiet());
    }

    @Test
    void theLongestWaitEndsTheWaitWithoutNews() {
        QuietRounds rounds = new QuietRounds();
        rounds.looked(rounds.beforeLook(), false);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rounds.awaitNews(20));
        assertTrue(rounds.quiet(), "still nothing to act on: the round looks again");
    }
}
