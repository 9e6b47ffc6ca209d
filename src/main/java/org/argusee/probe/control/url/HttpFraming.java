package org.argusee.probe.control.url;

import java.nio.ByteBuffer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knows when an HTTP answer is whole although the server keeps the connection open: fed each chunk as it is
 * read, true once the head is in and the body has reached its {@code Content-Length} (or has none: 204, 304).
 * We ask with {@code Connection: close}, so the server closing ends the answer in every other case (chunked, no
 * length); this only spares a probe the timeout of a server that ignores that. One per request.
 */
final class HttpFraming implements Predicate<ByteBuffer> {

    /** A head longer than this is not framed: the end of the connection decides. */
    private static final int MAX_HEAD = 16 * 1024;

    private static final Pattern STATUS = Pattern.compile("\\AHTTP/\\d+(?:\\.\\d+)?\\s+(\\d{3})");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:[ \\t]*(\\d{1,18})[ \\t]*\\r?$");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:");

    private final StringBuilder head = new StringBuilder();
    private boolean headDone;
    /** Body bytes the head announces; -1 when unknown. */
    private long wanted = -1;

    private long body;

    @Override
    public boolean test(ByteBuffer chunk) {
        while (!headDone && chunk.hasRemaining() && head.length() < MAX_HEAD) {
            head.append((char) (chunk.get() & 0xff));
            if (endsHead()) {
                headDone = true;
                wanted = bodyLength(head);
            }
        }
        if (headDone) {
            body += chunk.remaining();
        }
        return headDone && wanted >= 0 && body >= wanted;
    }

    private boolean endsHead() {
        int n = head.length();
        return n >= 2
                && head.charAt(n - 1) == '\n'
                && (head.charAt(n - 2) == '\n' || n >= 4 && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n');
    }

    private static long bodyLength(CharSequence head) {
        Matcher status = STATUS.matcher(head);
        if (!status.find()) {
            return -1;
        }
        int code = Integer.parseInt(status.group(1));
        if (code == 204 || code == 304) {
            return 0;
        }
        if (code < 200 || CHUNKED.matcher(head).find()) {
            return -1;
        }
        Matcher length = LENGTH.matcher(head);
        return length.find() ? Long.parseLong(length.group(1)) : -1;
    }
}
