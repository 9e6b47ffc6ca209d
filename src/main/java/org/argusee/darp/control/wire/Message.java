package org.argusee.darp.control.wire;

import java.util.List;
import java.util.Objects;

/** The messages of the DARP stream, protocol v1 (docs/design/60-darp.md). {@link Messages} reads and writes them. */
public sealed interface Message {

    int PROTOCOL = 1;

    /** Slave to master, first message: the login token and how long the slave waits for the master. */
    record Hello(int protocol, String token, long timeoutMillis) implements Message {
        @Override
        public String toString() {
            return "Hello[protocol=" + protocol + ", token=***, timeoutMillis=" + timeoutMillis + "]";
        }
    }

    /** Master to slave: the last sequence number applied, and how long the master waits for the slave. */
    record Welcome(int protocol, String master, long lastSeq, long timeoutMillis, String configVersion)
            implements Message {}

    /** Slave to master: status reports; {@code rejected} are items that broke a rule (still to be acked). */
    record Reports(List<ReportItem> items, List<Rejected> rejected) implements Message {
        public Reports {
            items = List.copyOf(items);
            rejected = List.copyOf(rejected);
        }

        public static Reports of(List<ReportItem> items) {
            return new Reports(items, List.of());
        }

        /** The number to ack: the highest of the message, applied or not. */
        public long maxSeq() {
            long max = 0;
            for (ReportItem i : items) {
                max = Math.max(max, i.seq());
            }
            for (Rejected r : rejected) {
                max = Math.max(max, r.seq());
            }
            return max;
        }
    }

    /** A report item the master refuses, with why. */
    record Rejected(long seq, String problem) {}

    /**
     * Master to slave: every report up to {@code seq} is applied. {@code told} (optional on the wire, added within
     * protocol 1: a slave that does not know it ignores it) carries what the master notified of objects served to
     * the slave; an ack of 0 acknowledges nothing and only carries those.
     */
    record Ack(long seq, List<ToldItem> told) implements Message {
        public Ack {
            told = List.copyOf(told);
        }

        public Ack(long seq) {
            this(seq, List.of());
        }
    }

    /** Master to slave: the served config's version is now {@code version}; fetch it. */
    record ConfigChanged(String version) implements Message {}

    record Ping(long id) implements Message {}

    record Pong(long id) implements Message {}

    /** Either way: something was wrong; {@code seq} names the report item concerned, if any (else null). */
    record ErrorReply(String code, String message, Long seq) implements Message {
        public ErrorReply {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
