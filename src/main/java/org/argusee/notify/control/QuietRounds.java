package org.argusee.notify.control;

import java.util.concurrent.atomic.AtomicLong;
import org.argusee.platform.control.IdleWait;

/**
 * When the notification rounds may stop (issue 17, the idle server): after a look at the database that found
 * nothing to act on, until this server queues a notification ({@link #news()}, after that commit) or the longest
 * wait is over. A look counts only for what was committed before it began: news arriving while it ran (counted
 * by a sequence read at its start) leaves the rounds running, so nothing stored meanwhile waits for the longest
 * wait.
 */
public final class QuietRounds {

    private static final long NOT_QUIET = -1;

    private final AtomicLong news = new AtomicLong();
    /** The sequence of news at the start of the last look that found nothing; NOT_QUIET after any other. */
    private volatile long quietAt = NOT_QUIET;

    private final IdleWait wait = new IdleWait(() -> quietAt == news.get());

    /** Before a look at the database: the mark to give {@link #looked}. */
    public long beforeLook() {
        return news.get();
    }

    /** What the look begun at {@code mark} found: nothing to act on lets the rounds wait. */
    public void looked(long mark, boolean anything) {
        quietAt = anything ? NOT_QUIET : mark;
    }

    /** A round that could not look (the lease not confirmed, a failure): the next one comes as usual. */
    public void busy() {
        quietAt = NOT_QUIET;
    }

    /** Something to act on may have been committed: a waiting round goes on. */
    public void news() {
        news.incrementAndGet();
        wait.signal();
    }

    /** On the round's thread: returns at once unless the last look found nothing and no news came since. */
    public void awaitNews(long maxMillis) throws InterruptedException {
        wait.whileIdle(maxMillis);
    }

    public boolean quiet() {
        return quietAt == news.get();
    }
}
