package org.argusee.probe.control.tcp;

import java.util.Map;

/**
 * What the original sends to the telephony managers, all at once, before it reads the answers to the end of the
 * connection (its {@code Argus::Asterisk}, {@code Argus::Freeswitch}): the server logs the client in, runs the
 * command if one is set, and closes at the logoff. The answers are the value, so {@code expect} tests them
 * ({@code Response: Success}, {@code +OK}).
 */
public final class ManagerScripts {

    private ManagerScripts() {}

    /** {@code TCP/Asterisk}: Login with {@code user} and {@code pass}, {@code cmd} as a Command action, Logoff. */
    public static String asterisk(Map<String, String> p) {
        String cmd = p.get("cmd");
        return "Action: Login\r\nUsername: " + line(p.get("user")) + "\r\nSecret: " + line(p.get("pass")) + "\r\n\r\n"
                + (cmd == null || cmd.isEmpty() ? "" : "Action: Command\r\nCommand: " + line(cmd) + "\r\n\r\n")
                + "Action: Logoff\r\n\r\n";
    }

    /** {@code TCP/Freeswitch}: auth with {@code pass} (default ClueCon), {@code api cmd}, exit. */
    public static String freeswitch(Map<String, String> p) {
        String pass = p.get("pass") == null ? "ClueCon" : p.get("pass");
        String cmd = p.get("cmd");
        return "auth " + line(pass) + "\r\n\r\n"
                + (cmd == null || cmd.isEmpty() ? "" : "api " + line(cmd) + "\r\n\r\n")
                + "exit\r\n";
    }

    /** A value that would end its line early would smuggle another action in: refused. */
    private static String line(String v) {
        String s = v == null ? "" : v;
        if (s.contains("\r") || s.contains("\n")) {
            throw new IllegalArgumentException("user, pass and cmd must be one line each");
        }
        return s;
    }
}
