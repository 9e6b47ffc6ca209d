package org.argusee.probe.control.net;

import java.util.Locale;

/** How much a TCP monitor reads before it tests what it got: the original's {@code readhow} values. */
public enum ReadHow {
    /** Up to the end of the first line: greetings like SMTP's {@code 220 ...}. */
    BANNER,
    /** Whatever the first successful read returns. */
    ONCE,
    /** Until the peer closes (capped, so a peer that never stops cannot fill the heap). */
    TOEOF;

    /** @throws IllegalArgumentException naming the parameter and the allowed values */
    public static ReadHow parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "banner" -> BANNER;
            case "once" -> ONCE;
            case "toeof" -> TOEOF;
            default -> throw new IllegalArgumentException("bad readhow '" + text + "': use banner, toeof or once");
        };
    }
}
