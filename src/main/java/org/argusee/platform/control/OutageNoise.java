package org.argusee.platform.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Keeps the container's lines about the database's absence out of the log (Hibernate's {@code SqlExceptionHelper}
 * logs a WARN and an ERROR for every statement that fails while PostgreSQL is away, the EJB container an ERROR with
 * a stack trace for every call that failed so), and counts them: the outage gets one WARN when it starts and one line
 * when it ends, with that count ({@code DatabaseState}). Only the database's absence is dropped (SQLState 08xxx,
 * 57P01-57P03, the pool's "no connection", PostgreSQL's words for a closed or refused connection; an attached
 * exception judged by {@link DatabaseTrouble}); every other SQL error, a bug or bad data, is logged as before.
 */
public final class OutageNoise implements Filter {

    /** Hibernate's "SQL Error: 0, SQLState: 08006": its ERROR line with the message follows on the same thread. */
    private static final Pattern STATE = Pattern.compile("SQL Error: -?\\d+, SQLState: (08\\w{3}|57P0[123])");

    private static final List<String> WORDS = List.of(
            // Hibernate's WARN before the pool's words: a state of null comes from the pool, never from PostgreSQL
            "SQL Error: 0, SQLState: null",
            "IJ000453",
            "IJ031084",
            "IJ000655",
            "IJ031041",
            "An I/O error occurred while sending to the backend",
            "This connection has been closed",
            "terminating connection due to administrator command",
            "the database system is shutting down",
            "the database system is starting up",
            "Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections");

    private final Filter before;
    private final AtomicLong dropped = new AtomicLong();

    /** @param before the logger's own filter, asked first (null if none) */
    public OutageNoise(Filter before) {
        this.before = before;
    }

    public Filter before() {
        return before;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (before != null && !before.isLoggable(record)) {
            return false;
        }
        if (expected(record)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The lines dropped since the last call. */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }

    static boolean expected(LogRecord record) {
        if (record.getThrown() != null && DatabaseTrouble.isUnreachable(record.getThrown())) {
            return true;
        }
        String text = text(record);
        return STATE.matcher(text).find() || WORDS.stream().anyMatch(text::contains);
    }

    /** The message with its parameters, in either style the container's loggers use. */
    private static String text(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return "";
        }
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return message.contains("%")
                    ? String.format(Locale.ROOT, message, parameters)
                    : MessageFormat.format(message, parameters);
        } catch (IllegalArgumentException e) { // IllegalFormatException too
            return message;
        }
    }
}
