package org.argusee.probe.control.net;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SIP OPTIONS request of the original's {@code Argus::SIP} ({@code TCP/SIP}, {@code UDP/SIP}), header for
 * header: {@code to} (default {@code sip:<host>}), {@code from} (default {@code sip:argus@<local>}),
 * {@code useragent}. The original put its socket's local address in Via and From; the request is made before the
 * socket exists here, so they name 127.0.0.1 port 0 (what the original wrote when it could not tell): a SIP server
 * answers to the address the request came from. Each request has a fresh tag, branch and Call-ID.
 */
public final class SipOptions {

    public static final String DEFAULT_AGENT = "Argus/3.7 (http://argus.tcp4me.com)";

    private SipOptions() {}

    /** @param transport "UDP" or "TCP", as in the Via header */
    public static String request(String transport, String host, Map<String, String> params) {
        String tag = String.format(
                "%08X%04X",
                ThreadLocalRandom.current().nextInt(),
                ThreadLocalRandom.current().nextInt(0x10000));
        String local = "127.0.0.1";
        String to = nonBlank(params.get("to"), "sip:" + (host.contains(":") ? "[" + host + "]" : host));
        String from = nonBlank(params.get("from"), "sip:argus@" + local + ":0");
        String agent = nonBlank(params.get("useragent"), DEFAULT_AGENT);
        for (String v : new String[] {to, from, agent}) {
            if (v.contains("\r") || v.contains("\n")) {
                throw new IllegalArgumentException("SIP to, from and useragent must be one line");
            }
        }
        return "OPTIONS " + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + local + ":0;branch=z9hG4bK" + tag + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + from + ">;tag=" + tag + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + tag + "@" + local + "\r\n"
                + "Cseq: 1 OPTIONS\r\n"
                + "User-Agent: " + agent + "\r\n"
                + "Content-Length: 0\r\n"
                + "Accept: */*\r\n"
                + "\r\n";
    }

    /** The Call-ID of a request or answer, or null. */
    public static String callId(String message) {
        for (String line : message.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip();
                if (name.equalsIgnoreCase("Call-ID") || name.equals("i")) {
                    return line.substring(colon + 1).strip();
                }
            }
        }
        return null;
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
