package org.argusee.probe.control.tcp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.net.ReadHow;

/**
 * What the built-in TCP applications send, expect and how they read, as one table. Ports are not here: they
 * come from the service type ({@code ServiceType.defaultPort()}), so there is one list of ports in the project.
 *
 * <p>Applications whose exchange the original's reference does not describe are "connect only": the
 * connection succeeding is the test. That is the choice that never reports a healthy server down.
 */
public final class TcpApps {

    /**
     * @param send    sent once connected, null for nothing
     * @param expect  regex the answer must contain, null for none
     * @param readhow how much to read; null when the app reads nothing (connect only)
     * @param tls     spoken over TLS from the first byte
     */
    public record TcpApp(String send, String expect, ReadHow readhow, boolean tls) {}

    private static final String HEAD = "HEAD / HTTP/1.0\r\n\r\n";
    private static final TcpApp CONNECT_ONLY = new TcpApp(null, null, null, false);

    private static final Map<String, TcpApp> APPS = Map.ofEntries(
            Map.entry("smtp", banner("^220")),
            Map.entry("ftp", banner("^220")),
            Map.entry("pop", banner("^\\+OK")),
            Map.entry("imap", banner("^\\* OK")),
            // The original's NNTP expects 200 only; a server that refuses posting greets with 201 and is down.
            Map.entry("nntp", banner("^200")),
            Map.entry("ssh", banner("^SSH-")),
            // An HTTP/1.0 server closes after the answer, so reading to EOF gives every header to the checks.
            Map.entry("http", new TcpApp(HEAD, "HTTP/", ReadHow.TOEOF, false)),
            Map.entry("https", new TcpApp(HEAD, "HTTP/", ReadHow.TOEOF, true)),
            Map.entry("ssl", new TcpApp(null, null, null, true)),
            Map.entry("pops", tls(banner("^\\+OK"))),
            Map.entry("imaps", tls(banner("^\\* OK"))),
            Map.entry("smtps", tls(banner("^220"))),
            Map.entry("nntps", tls(banner("^200"))),
            Map.entry("telnet", CONNECT_ONLY),
            Map.entry("whois", CONNECT_ONLY),
            Map.entry("rwhois", CONNECT_ONLY),
            Map.entry("gopher", CONNECT_ONLY),
            Map.entry("lpd", CONNECT_ONLY),
            Map.entry("nfs", CONNECT_ONLY),
            Map.entry("nfsv3", CONNECT_ONLY),
            Map.entry("slimserver", CONNECT_ONLY),
            // OPTIONS, made per service by ProbeSpec (SipOptions); the original read to the blank line after the
            // headers (one read here: a SIP server keeps the connection open) and expected "SIP"
            Map.entry("sip", new TcpApp(null, "SIP", ReadHow.ONCE, false)),
            // The manager scripts (ManagerScripts, made per service by ProbeSpec), answers read to the end
            Map.entry("asterisk", new TcpApp(null, null, ReadHow.TOEOF, false)),
            Map.entry("freeswitch", new TcpApp(null, null, ReadHow.TOEOF, false)),
            // URL, DNS, Domain and RPC are not here: MonitorRoute sends them to other monitors, or to none
            Map.entry("argus", CONNECT_ONLY));

    private TcpApps() {}

    /** The plain {@code TCP} service (no application) and unknown names are connect only. */
    public static TcpApp of(String app) {
        return app == null ? CONNECT_ONLY : find(app).orElse(CONNECT_ONLY);
    }

    static Optional<TcpApp> find(String app) {
        return Optional.ofNullable(APPS.get(app.toLowerCase(Locale.ROOT)));
    }

    private static TcpApp banner(String expect) {
        return new TcpApp(null, expect, ReadHow.BANNER, false);
    }

    private static TcpApp tls(TcpApp app) {
        return new TcpApp(app.send(), app.expect(), app.readhow(), true);
    }
}
