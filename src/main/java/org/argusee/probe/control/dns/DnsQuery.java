package org.argusee.probe.control.dns;

import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.ServiceType;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What a DNS service asks and how it judges the answer, read from its type and parameters as the original reads
 * them: {@code Domain/<zone>} asks the zone's SOA and wants an authoritative answer ({@code authok}),
 * {@code DNS/Serial/<zone>} gives the SOA serial ({@code serial}), {@code DNS/<QTYPE>/<name>} the answer section
 * ({@code answer}), plain {@code DNS} asks {@code zone}'s {@code query} (default the root's SOA) and wants only a
 * response ({@code none}). The type's own zone and query win over the parameters; {@code test}, {@code class} and
 * {@code recurse} apply to every form. The {@code UDP/}, {@code TCP/} spellings are the same over that transport.
 *
 * @param name  the absolute name asked about; null for {@code query: STAT}, a server status request (opcode
 *              STATUS), which has no question
 * @param qtype the record type, {@link #STATUS} for STAT
 * @param tcp   over TCP from the start ({@code TCP/DNS}, AXFR), else UDP with a retry over TCP when truncated
 */
public record DnsQuery(Name name, int qtype, int dclass, boolean recurse, DnsTest test, boolean tcp) {

    static final int STATUS = -1;
    /** The parameters only the DNS monitor reads: one of them on {@code UDP/DNS} makes it a DNS query. */
    static final Set<String> PARAMETERS = Set.of("zone", "query", "class", "recurse", "test");
    /** The original's list; CS (CSNET, class 2) has no dnsjava constant. */
    private static final Map<String, Integer> CLASSES =
            Map.of("IN", DClass.IN, "CS", 2, "CH", DClass.CH, "HS", DClass.HS, "ANY", DClass.ANY);

    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

    /**
     * A plain {@code UDP/DNS} (no query in the type, no DNS parameter) or one with {@code send}: the UDP
     * application's "does it answer at all" exchange, kept as it was.
     */
    public static boolean isPlainUdp(ServiceType type, Map<String, String> params) {
        boolean udpDns = "UDP".equals(type.base())
                && "DNS".equals(type.app())
                && type.rest().isEmpty();
        return udpDns && (params.containsKey("send") || PARAMETERS.stream().noneMatch(params::containsKey));
    }

    /** @throws IllegalArgumentException naming the parameter or part of the type that is wrong */
    public static DnsQuery of(ServiceType type, Map<String, String> params) {
        List<String> rest = type.rest();
        String zone;
        String query;
        DnsTest test;
        if ("Domain".equals(kind(type))) {
            zone = rest.isEmpty() ? params.get("zone") : rest.get(0);
            if (zone == null || zone.isBlank()) {
                throw new IllegalArgumentException(
                        type.text() + " needs a zone: write Domain/example.com or set 'zone'");
            }
            query = "SOA";
            test = DnsTest.AUTHOK;
        } else if (!rest.isEmpty()) {
            zone = rest.get(1);
            boolean serial = "Serial".equals(rest.get(0));
            query = serial ? "SOA" : rest.get(0);
            test = serial ? DnsTest.SERIAL : DnsTest.ANSWER;
        } else {
            zone = params.getOrDefault("zone", ".");
            query = params.getOrDefault("query", "SOA");
            test = DnsTest.NONE;
        }
        if (params.containsKey("test")) {
            test = DnsTest.parse(params.get("test"));
        }
        int qtype = qtype(query);
        boolean recurse = recurse(params.get("recurse"));
        boolean tcp = "TCP".equals(type.base()) || qtype == Type.AXFR;
        return new DnsQuery(
                qtype == STATUS ? null : name(zone, qtype), qtype, dclass(params.get("class")), recurse, test, tcp);
    }

    /** A new request with a fresh random id. No EDNS, like the original: a long answer comes back truncated. */
    Message message() {
        Message m = new Message();
        if (qtype == STATUS) {
            m.getHeader().setOpcode(Opcode.STATUS);
        } else {
            m.addRecord(Record.newRecord(name, qtype, dclass), Section.QUESTION);
        }
        if (recurse) {
            m.getHeader().setFlag(Flags.RD);
        }
        return m;
    }

    private static String kind(ServiceType type) {
        return type.app() != null ? type.app() : type.base();
    }

    /** The original's list, AFS being AFSDB; any other type dnsjava knows (CAA, DS, TLSA...) is accepted too. */
    private static int qtype(String text) {
        String word = text.strip().toUpperCase(Locale.ROOT);
        if ("STAT".equals(word)) {
            return STATUS;
        }
        int value = "AFS".equals(word) ? Type.AFSDB : Type.value(word);
        if (value < 0) {
            throw new IllegalArgumentException("bad query '" + text
                    + "': use a record type such as A, AAAA, MX, NS, SOA, TXT, PTR, SRV, ANY, AXFR, or STAT");
        }
        return value;
    }

    private static int dclass(String text) {
        if (text == null) {
            return DClass.IN;
        }
        Integer value = CLASSES.get(text.strip().toUpperCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException("bad class '" + text + "': use one of IN, CH, HS, CS, ANY");
        }
        return value;
    }

    private static boolean recurse(String text) {
        try {
            return text != null && BooleanValue.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad recurse: " + e.getMessage(), e);
        }
    }

    /** Relative names are taken from the root; a PTR query for an address asks its reverse name. */
    private static Name name(String text, int qtype) {
        String zone = text.strip();
        try {
            if (qtype == Type.PTR && ADDRESS.matcher(zone).matches()) {
                return ReverseMap.fromAddress(zone);
            }
            return Name.fromString(zone, Name.root);
        } catch (TextParseException | UnknownHostException e) {
            throw new IllegalArgumentException("bad zone '" + text + "': " + e.getMessage(), e);
        }
    }
}
