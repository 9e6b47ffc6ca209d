package org.argusee.tree.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service types Argus 3.7 knows, as data: bases ({@code TCP}, {@code Ping}, ...), the applications of
 * TCP, UDP and DARP with their default ports (from the original's TCP and UDP tables and protocol modules),
 * and what may follow them.
 */
final class ServiceKinds {

    /** What may follow a base or application in the type. */
    enum Tail {
        /** Nothing: {@code Ping}, {@code TCP/SMTP}. */
        NONE,
        /** At most one part: {@code Self/tested}, {@code Domain/example.com}, {@code DARP/Watch/tag}. */
        ONE,
        /** Everything after, slashes included, as one part: SNMP OIDs like {@code ifInOctets[Serial2/1]}. */
        REST_OF_TEXT,
        /** A program and an optional version: {@code UDP/RPC/mountd/3}. */
        RPC,
        /** Nothing, or a query type (or {@code Serial}) and a name: {@code DNS/A/www.example.com}. */
        DNS_QUERY
    }

    record Kind(String name, Integer port, Tail tail) {}

    record Base(Kind kind, Map<String, Kind> apps, boolean appRequired) {

        Optional<Kind> app(String name) {
            return Optional.ofNullable(apps.get(name.toLowerCase(Locale.ROOT)));
        }

        List<String> appNames() {
            return apps.values().stream().map(Kind::name).toList();
        }
    }

    /** DNS query types (the {@code query} parameter's list) plus the original's {@code Serial} test. */
    static final List<String> DNS_QUERIES = List.of(
            "Serial", "STAT", "A", "AAAA", "AFS", "ANY", "AXFR", "CNAME", "HINFO", "LOC", "MX", "NS", "PTR", "SOA",
            "SRV", "TXT", "WKS");

    private static final Map<String, Base> BASES = bases();

    private ServiceKinds() {}

    static Optional<Base> base(String name) {
        return Optional.ofNullable(BASES.get(name.toLowerCase(Locale.ROOT)));
    }

    static List<String> baseNames() {
        return BASES.values().stream().map(b -> b.kind().name()).toList();
    }

    private static Map<String, Base> bases() {
        Map<String, Base> b = new LinkedHashMap<>();
        add(b, new Base(kind("Ping", null, Tail.NONE), Map.of(), false));
        add(
                b,
                new Base(
                        kind("TCP", null, Tail.NONE),
                        apps(
                                kind("SMTP", 25, Tail.NONE),
                                kind("FTP", 21, Tail.NONE),
                                kind("POP", 110, Tail.NONE),
                                kind("IMAP", 143, Tail.NONE),
                                kind("NNTP", 119, Tail.NONE),
                                kind("HTTP", 80, Tail.NONE),
                                kind("HTTPS", 443, Tail.NONE),
                                kind("SSL", 443, Tail.NONE),
                                kind("URL", null, Tail.NONE),
                                kind("SSH", 22, Tail.NONE),
                                kind("Telnet", 23, Tail.NONE),
                                kind("Whois", 43, Tail.NONE),
                                kind("Rwhois", 4321, Tail.NONE),
                                kind("Gopher", 70, Tail.NONE),
                                kind("LPD", 515, Tail.NONE),
                                kind("POPS", 995, Tail.NONE),
                                kind("IMAPS", 993, Tail.NONE),
                                kind("SMTPS", 465, Tail.NONE),
                                kind("NNTPS", 563, Tail.NONE),
                                kind("NFS", 2049, Tail.NONE),
                                kind("NFSv3", 2049, Tail.NONE),
                                kind("SlimServer", 9090, Tail.NONE),
                                kind("Argus", null, Tail.NONE),
                                kind("DNS", 53, Tail.DNS_QUERY),
                                kind("Domain", 53, Tail.ONE),
                                kind("SIP", 5060, Tail.NONE),
                                kind("RPC", 111, Tail.RPC),
                                kind("Asterisk", 5038, Tail.NONE),
                                kind("Freeswitch", 8021, Tail.NONE)),
                        false));
        add(
                b,
                new Base(
                        kind("UDP", null, Tail.NONE),
                        apps(
                                kind("DNS", 53, Tail.DNS_QUERY),
                                kind("Domain", 53, Tail.ONE),
                                kind("NTP", 123, Tail.ONE),
                                kind("RADIUS", 1645, Tail.NONE),
                                kind("SNMP", 161, Tail.REST_OF_TEXT),
                                kind("SNMPv2c", 161, Tail.REST_OF_TEXT),
                                kind("SNMPv3", 161, Tail.REST_OF_TEXT),
                                kind("NFS", 2049, Tail.NONE),
                                kind("NFSv3", 2049, Tail.NONE),
                                kind("Portmap", 111, Tail.NONE),
                                kind("Portmap2", 111, Tail.NONE),
                                kind("Portmap3", 111, Tail.NONE),
                                kind("Portmap4", 111, Tail.NONE),
                                kind("RPC", 111, Tail.RPC),
                                kind("IAX2", 4569, Tail.NONE),
                                kind("SIP", 5060, Tail.NONE)),
                        false));
        add(b, new Base(kind("DNS", 53, Tail.DNS_QUERY), Map.of(), false));
        add(b, new Base(kind("Domain", 53, Tail.ONE), Map.of(), false));
        add(b, new Base(kind("Self", null, Tail.ONE), Map.of(), false));
        add(b, new Base(kind("Prog", null, Tail.NONE), Map.of(), false));
        add(b, new Base(kind("DB", null, Tail.NONE), Map.of(), false));
        add(b, new Base(kind("Compute", null, Tail.NONE), Map.of(), false));
        // 164 is agent_port's default in parameters.txt
        add(b, new Base(kind("Agent", 164, Tail.ONE), Map.of(), false));
        add(b, new Base(kind("DARP", null, Tail.NONE), apps(kind("Watch", null, Tail.ONE)), true));
        return Collections.unmodifiableMap(b);
    }

    private static void add(Map<String, Base> bases, Base base) {
        bases.put(base.kind().name().toLowerCase(Locale.ROOT), base);
    }

    private static Kind kind(String name, Integer port, Tail tail) {
        return new Kind(name, port, tail);
    }

    private static Map<String, Kind> apps(Kind... kinds) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (Kind k : kinds) {
            m.put(k.name().toLowerCase(Locale.ROOT), k);
        }
        return Collections.unmodifiableMap(m);
    }
}
