package org.argusee.darp.control.wire;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.darp.control.ScramProof;

/**
 * Binds the stream's messages to the SCRAM login (issue 15, finding 1): after the hello, every message in each
 * direction carries its number in that direction and {@code HMAC(sessionKey, direction "\n" n "\n" text)}, added
 * as two last members of its JSON object: {@code {...,"n":5,"mac":"..."}}. Nobody on the path knows the session
 * key, so a message cannot be changed, made up, replayed, dropped or reordered unnoticed (the numbers must follow
 * each other), as the original put an HMAC with a sequence number on every message. Not thread-safe: one per
 * direction pair per connection, used under the connection's own ordering.
 */
public final class StreamSeal {

    /** Which way a message goes; each has its own numbering. */
    public enum Direction {
        MASTER_TO_SLAVE("m2s"),
        SLAVE_TO_MASTER("s2m");

        private final String label;

        Direction(String label) {
            this.label = label;
        }
    }

    private static final Pattern SEALED =
            Pattern.compile("(\\{.*),\"n\":(\\d{1,18}),\"mac\":\"([A-Za-z0-9+/]{43}=)\"}", Pattern.DOTALL);

    private final byte[] key;
    private final Direction out;
    private final Direction in;
    private long sent;
    private long received;

    /** @param out the direction this end sends in */
    public StreamSeal(byte[] sessionKey, Direction out) {
        this.key = sessionKey.clone();
        this.out = out;
        this.in = out == Direction.MASTER_TO_SLAVE ? Direction.SLAVE_TO_MASTER : Direction.MASTER_TO_SLAVE;
    }

    /** {@code text} (one JSON object) with its number and MAC. */
    public synchronized String seal(String text) {
        if (!text.startsWith("{") || !text.endsWith("}") || text.length() < 3) {
            throw new IllegalArgumentException("only a JSON object can be sealed");
        }
        long n = ++sent;
        String body = text.substring(0, text.length() - 1);
        return body + ",\"n\":" + n + ",\"mac\":\"" + mac(out, n, text) + "\"}";
    }

    /**
     * The message as its sender wrote it.
     *
     * @throws BadMessage if it has no seal, the wrong number, or a MAC that does not match
     */
    public synchronized String open(String frame) throws BadMessage {
        Matcher m = SEALED.matcher(frame);
        if (!m.matches()) {
            throw new BadMessage("unauthorized", "message without this login's MAC");
        }
        String text = m.group(1) + "}";
        long n = Long.parseLong(m.group(2));
        if (n != received + 1) {
            throw new BadMessage("unauthorized", "message number " + n + " where " + (received + 1) + " was due");
        }
        if (!MessageDigest.isEqual(
                mac(in, n, text).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                m.group(3).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new BadMessage("unauthorized", "message " + n + " does not match its MAC");
        }
        received = n;
        return text;
    }

    private String mac(Direction d, long n, String text) {
        return ScramProof.base64(ScramProof.hmacSha256(key, d.label + "\n" + n + "\n" + text));
    }
}
