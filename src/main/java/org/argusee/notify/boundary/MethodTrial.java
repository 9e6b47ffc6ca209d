package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.argusee.notify.control.Destination;
import org.argusee.notify.control.MessageText;
import org.argusee.notify.control.NotifyMethod;
import org.argusee.notify.control.Outgoing;
import org.argusee.platform.control.ArgusException;

/**
 * A test message through one method, sent at once and outside the outbox (no qtime, no retry, nothing recorded as
 * told), so an administrator setting up mail or a webhook sees at once whether it arrives and, if not, why: the
 * question every monitor's users ask first ("Test" in Uptime Kuma, Alertmanager's receivers test).
 */
@ApplicationScoped
public class MethodTrial {

    private static final Logger LOG = Logger.getLogger(MethodTrial.class.getName());
    private static final int MAX_ADDRESS = 500;
    private static final int MAX_ERROR = 300;

    /** What came of it: {@code error} is the method's own complaint when it was not sent. */
    public record Result(String method, String to, boolean sent, String error, long millis) {}

    @Inject
    NotifyMethods methods;

    @Inject
    Transmitters transmitters;

    public Result send(String name, String address, String by) {
        NotifyMethod method = methods.fresh().get(name);
        if (method == null) {
            throw new ArgusException.NotFound("name", "no notification method '" + name + "'");
        }
        String to = address == null || address.isBlank() ? "nobody" : address.strip();
        if (to.length() > MAX_ADDRESS || !to.codePoints().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw new ArgusException.Invalid("to", "the address: up to " + MAX_ADDRESS + " characters, no spaces");
        }
        if (method.kind().equals("mail") && !to.contains("@")) {
            throw new ArgusException.Invalid("to", "a mail method needs a mail address to send the test to");
        }
        Instant now = Instant.now();
        MessageText.Facts facts = new MessageText.Facts(
                0, "Top", "up", "clear", null, "a test notification sent by " + by, now, null, ZoneId.systemDefault());
        String text = "TEST: the Argus notification method '" + name + "' works (sent by " + by + ")";
        Outgoing out = new Outgoing(method, new Destination(name, to), text, "", facts, null, 1, 0);
        long start = System.nanoTime();
        try {
            transmitters.send(out);
            LOG.info(() -> by + " sent a test notification through method " + name);
            return new Result(name, to, true, null, elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(name, to, false, "interrupted", elapsed(start));
        } catch (Exception e) {
            LOG.info(() -> by + "'s test notification through method " + name + " failed: " + e);
            return new Result(name, to, false, complaint(e), elapsed(start));
        }
    }

    /** The innermost message that says something: a mail server's or webhook's answer, a program's exit. */
    private static String complaint(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : t.toString();
        if (t != e && t.getMessage() != null && !message.contains(t.getMessage())) {
            message = message + ": " + t.getMessage();
        }
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) + "..." : message;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
