package org.argusee.probe.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * A probe's failure with the short reason shown to people. Thrown only inside a probe's own stages, so it
 * carries no stack trace: thousands a minute are normal when hosts are down.
 */
public final class ProbeFailure extends RuntimeException {

    public ProbeFailure(String reason) {
        super(reason, null, false, false);
    }

    /** The original's wording where there is one ("connection refused"), else the system's message, shortened. */
    public static String reasonOf(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof ProbeFailure) {
            return e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "cannot resolve hostname";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof PortUnreachableException) {
            return "port unreachable";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("refused")) {
            return "connection refused";
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return "connection reset";
        }
        if (message.contains("network is unreachable")) {
            return "network unreachable";
        }
        if (e instanceof ConnectException) {
            return message.isEmpty() ? "connect failed" : "connect failed: " + message;
        }
        if (e instanceof IOException) {
            return message.isEmpty() ? "network error" : message;
        }
        return "internal error: " + e.getClass().getSimpleName();
    }
}
