package org.argusee.notify.control;

import java.util.Objects;

/**
 * A way of sending (the original's {@code Method}): a built-in, a row of {@code argus.notify_method}, or a
 * {@code Method} block of the config (a program).
 *
 * @param kind        mail, program, webhook, log or null
 * @param command     program: the shell command (with % sequences); webhook: the URL, else the address is one
 * @param send        program: its input (default "%M"); webhook: the JSON body (default {"text": ...})
 * @param headers     webhook: "Name: value" lines (tokens: never logged, never shown)
 * @param messageFmt  the format each message is put in before sending (%M), null for as it is
 * @param qtime       seconds after a message to this destination during which further ones queue up and merge
 */
public record NotifyMethod(
        String name,
        String kind,
        String command,
        String send,
        String headers,
        String messageFmt,
        int qtime,
        boolean nolots,
        int timeoutSeconds) {

    public NotifyMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** Mail by the server's mail session; {@code qtime} 120 s as the original's built-ins. */
    public static NotifyMethod mail(int qtime) {
        return new NotifyMethod("mail", "mail", null, null, null, null, qtime, false, 30);
    }

    public static NotifyMethod builtin(String name, String kind) {
        return new NotifyMethod(name, kind, null, null, null, null, 0, false, 30);
    }
}
