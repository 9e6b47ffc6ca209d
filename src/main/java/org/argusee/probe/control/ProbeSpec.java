package org.argusee.probe.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.argusee.probe.control.db.DbMonitor;
import org.argusee.probe.control.dns.DnsQuery;
import org.argusee.probe.control.net.IpVersions;
import org.argusee.probe.control.net.ReadHow;
import org.argusee.probe.control.net.SipOptions;
import org.argusee.probe.control.net.TlsOptions;
import org.argusee.probe.control.rpc.RpcMonitor;
import org.argusee.probe.control.tcp.AgentRequest;
import org.argusee.probe.control.tcp.ManagerScripts;
import org.argusee.probe.control.tcp.TcpApps;
import org.argusee.probe.control.url.HttpGet;
import org.argusee.probe.control.url.UrlTarget;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TimeValue;

/**
 * The typed settings of one service, read once from its effective parameters so that a bad value is an error
 * when the tree is loaded rather than at every probe. {@code params} keeps the whole map for what only one
 * monitor reads (community, verify_response_ip...).
 *
 * @param hostname   null only for types that test no host (Prog, Self...)
 * @param port       the parameter, else the type's default; 0 when the type has no port
 * @param send       the text to send, escapes already decoded; null for nothing
 * @param expect     the regex the raw answer must contain (find), null for none
 * @param readhow    how a TCP monitor reads when it reads at all
 * @param reads      false when the connection succeeding is the whole test
 * @param ipversions address families in order of preference, 4 and/or 6
 */
public record ProbeSpec(
        ServiceType type,
        String hostname,
        int port,
        String send,
        Pattern expect,
        ReadHow readhow,
        boolean reads,
        boolean ssl,
        Duration timeout,
        List<Integer> ipversions,
        Map<String, String> params) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Tests on the value: when one is set the user wants the data, so a TCP monitor reads even with no expect. */
    private static final List<String> VALUE_TESTS = List.of(
            "expect", "nexpect", "pluck", "unpack", "minvalue", "maxvalue", "eqvalue", "nevalue", "maxdeviation");
    /** After these the user's expect applies to a transformed value, so it cannot be checked on the raw answer. */
    private static final Set<String> TRANSFORMS = Set.of("pluck", "unpack", "scale", "calc", "perlexpr", "ssl_value");

    private static final Set<String> HOST_BASES = Set.of("TCP", "UDP", "Ping", "DNS", "Domain", "Agent");

    public ProbeSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(readhow, "readhow");
        Objects.requireNonNull(timeout, "timeout");
        ipversions = List.copyOf(ipversions);
        params = Map.copyOf(params);
    }

    /** @throws IllegalArgumentException naming the parameter that makes the service untestable */
    public static ProbeSpec of(ServiceType type, Map<String, String> params) {
        Objects.requireNonNull(type, "type");
        Map<String, String> p = Map.copyOf(params);
        boolean url = MonitorRoute.URL.takes(type);
        boolean tcp = "TCP".equals(type.base()) && !url;
        TcpApps.TcpApp app = tcp ? TcpApps.of(type.app()) : TcpApps.of(null);

        UrlTarget target = url ? UrlTarget.parse(p.get("url")) : null; // the URL says where to connect
        if (url) {
            HttpGet.check(p);
        }
        String hostname = url ? target.host() : blankToNull(p.get("hostname"));
        if (hostname == null && HOST_BASES.contains(type.base())) {
            throw new IllegalArgumentException(type.text() + " needs a hostname: set 'hostname' (or put it in a Host)");
        }
        boolean agent = MonitorRoute.TCP.takes(type) && "Agent".equals(type.base());
        int port = url
                ? target.port()
                : agent ? AgentRequest.port(p) : port(type, p.get("port"), tcp || "UDP".equals(type.base()));
        if (MonitorRoute.DNS.takes(type) && !DnsQuery.isPlainUdp(type, p)) {
            DnsQuery.of(type, p); // a bad zone, query, class, recurse or test is found when the service is planned
        }
        if (MonitorRoute.DB.takes(type)) {
            DbMonitor.check(p);
        }
        if (MonitorRoute.RPC.takes(type)) {
            RpcMonitor.check(type, p);
        }
        String send = agent ? AgentRequest.send(type, p) : p.containsKey("send") ? p.get("send") : app.send();
        if (tcp && send == null && type.app() != null) {
            send = switch (type.app()) {
                case "SIP" -> SipOptions.request("TCP", hostname, p);
                case "Asterisk" -> ManagerScripts.asterisk(p);
                case "Freeswitch" -> ManagerScripts.freeswitch(p);
                default -> null;
            };
        }
        if ("UDP".equals(type.base()) && type.app() == null && send == null) {
            throw new IllegalArgumentException(type.text() + " needs something to send: set 'send'");
        }
        String userExpect = p.get("expect");
        boolean transformed = p.keySet().stream().anyMatch(TRANSFORMS::contains);
        String expect = userExpect != null && !transformed ? userExpect : app.expect();
        ReadHow readhow = p.containsKey("readhow")
                ? ReadHow.parse(p.get("readhow"))
                : agent ? ReadHow.TOEOF : Optional.ofNullable(app.readhow()).orElse(ReadHow.ONCE);
        TlsOptions tls = TlsOptions.of(p);
        // with ssl_value the value tests are about the certificate, which needs no data read
        boolean reads = app.readhow() != null
                || send != null
                || p.containsKey("readhow")
                || !tls.daysValue() && p.keySet().stream().anyMatch(ProbeSpec::isValueTest);
        boolean ssl = tcp && (app.tls() || flag(p, "ssl", false));
        if (tcp && tls.daysValue() && !ssl) {
            throw new IllegalArgumentException("ssl_value needs TLS: set 'ssl: yes' on " + type.text());
        }
        return new ProbeSpec(
                type,
                hostname,
                port,
                send,
                regex(expect),
                readhow,
                reads,
                ssl,
                timeout(p),
                IpVersions.parse(p.getOrDefault("ipversion", IpVersions.DEFAULT)),
                p);
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** A boolean parameter; a malformed one counts as its default, the config check has reported it already. */
    public boolean flag(String key, boolean fallback) {
        return flag(params, key, fallback);
    }

    private static boolean flag(Map<String, String> p, String key, boolean fallback) {
        String text = p.get(key);
        return text != null && BooleanValue.isValid(text) ? BooleanValue.parse(text) : fallback;
    }

    private static int port(ServiceType type, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (type.defaultPort().isPresent()) {
                return type.defaultPort().getAsInt();
            }
            if (required) {
                throw new IllegalArgumentException(type.text() + " needs a port: set 'port'");
            }
            return 0;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the text as written
        }
        throw new IllegalArgumentException("bad port '" + text + "': use a number from 1 to 65535");
    }

    private static Duration timeout(Map<String, String> p) {
        String text = p.get("timeout");
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        long seconds;
        try {
            seconds = TimeValue.parseSeconds(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad timeout: " + e.getMessage(), e);
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("bad timeout '" + text + "': must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Pattern regex(String expect) {
        if (expect == null) {
            return null;
        }
        try {
            return Pattern.compile(expect);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad expect '" + expect + "': " + e.getDescription(), e);
        }
    }

    private static boolean isValueTest(String key) {
        String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return VALUE_TESTS.contains(name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
