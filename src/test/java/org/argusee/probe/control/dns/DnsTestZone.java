package org.argusee.probe.control.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The zone example.com as a small server would answer for it: real answers, NODATA, NXDOMAIN, a CNAME, a name
 * whose answer does not fit 512 bytes, a SERVFAIL, a reverse name, {@code version.bind} in class CH, REFUSED
 * for every other zone and NOTIMP for every opcode but QUERY.
 */
final class DnsTestZone {

    static final long SERIAL = 2001110100L;
    static final int BIG = 60;
    static final Name ZONE = name("example.com.");
    private static final long TTL = 3600;

    private final boolean authoritative;
    private final List<Record> records = new ArrayList<>();

    private DnsTestZone(boolean authoritative) {
        this.authoritative = authoritative;
        records.add(new SOARecord(
                ZONE,
                DClass.IN,
                TTL,
                name("ns1.example.com."),
                name("hostmaster.example.com."),
                SERIAL,
                3600,
                600,
                86400,
                3600));
        records.add(new NSRecord(ZONE, DClass.IN, TTL, name("ns1.example.com.")));
        records.add(new NSRecord(ZONE, DClass.IN, TTL, name("ns2.example.com.")));
        records.add(new MXRecord(ZONE, DClass.IN, TTL, 10, name("mx1.example.com.")));
        records.add(new MXRecord(ZONE, DClass.IN, TTL, 20, name("mx2.example.com.")));
        records.add(a("ns1.example.com.", "10.1.2.53"));
        records.add(a("ns2.example.com.", "10.1.2.54"));
        records.add(a("www.example.com.", "10.1.2.3"));
        records.add(new CNAMERecord(name("web.example.com."), DClass.IN, TTL, name("www.example.com.")));
        for (int i = 1; i <= BIG; i++) {
            records.add(a("big.example.com.", "10.9.0." + i));
        }
        records.add(new PTRRecord(name("3.2.1.10.in-addr.arpa."), DClass.IN, TTL, name("www.example.com.")));
        records.add(new TXTRecord(name("version.bind."), DClass.CH, 0, "test-dns 1.0"));
    }

    /** @param authoritative true for the zone's master (AA set), false for a resolver with it in its cache */
    static DnsTestZone of(boolean authoritative) {
        return new DnsTestZone(authoritative);
    }

    static DnsServer.Answerer authoritative() {
        return of(true)::answer;
    }

    static DnsServer.Answerer cached() {
        return of(false)::answer;
    }

    /** The response to {@code query}, as sent over the transport. */
    List<byte[]> answer(Message query, boolean tcp) throws IOException {
        Message m = respond(query);
        return List.of(tcp ? m.toWire() : m.toWire(512));
    }

    Message respond(Message query) {
        Message m = reply(query);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            m.getHeader().setRcode(Rcode.NOTIMP);
            return m;
        }
        Record q = query.getQuestion();
        m.addRecord(q, Section.QUESTION);
        boolean ours = q.getName().subdomain(ZONE)
                || q.getName().subdomain(name("in-addr.arpa."))
                || q.getName().equals(name("version.bind."));
        if (!ours) {
            m.getHeader().setRcode(Rcode.REFUSED);
            return m;
        }
        if (authoritative) {
            m.getHeader().setFlag(Flags.AA);
        }
        if (q.getName().equals(name("fail.example.com."))) {
            m.getHeader().setRcode(Rcode.SERVFAIL);
            return m;
        }
        List<Record> atName = at(q.getName(), q.getDClass());
        if (atName.isEmpty()) {
            m.getHeader().setRcode(Rcode.NXDOMAIN);
            m.addRecord(records.get(0), Section.AUTHORITY);
            return m;
        }
        answer(m, q, atName);
        return m;
    }

    private void answer(Message m, Record q, List<Record> atName) {
        for (Record r : atName) {
            if (q.getType() == Type.ANY || q.getType() == Type.AXFR || r.getType() == q.getType()) {
                m.addRecord(r, Section.ANSWER);
            } else if (r instanceof CNAMERecord c) {
                m.addRecord(c, Section.ANSWER);
                at(c.getTarget(), q.getDClass()).stream()
                        .filter(t -> t.getType() == q.getType())
                        .forEach(t -> m.addRecord(t, Section.ANSWER));
            }
        }
        if (m.getSection(Section.ANSWER).isEmpty()) {
            m.addRecord(records.get(0), Section.AUTHORITY); // NODATA: the SOA says for how long
        } else if (q.getDClass() == DClass.IN) {
            at(ZONE, DClass.IN).stream()
                    .filter(r -> r.getType() == Type.NS)
                    .forEach(r -> m.addRecord(r, Section.AUTHORITY));
            m.addRecord(records.get(5), Section.ADDITIONAL);
            m.addRecord(records.get(6), Section.ADDITIONAL);
        }
    }

    private List<Record> at(Name name, int dclass) {
        return records.stream()
                .filter(r -> r.getName().equals(name) && r.getDClass() == dclass)
                .toList();
    }

    /** A response shell: the query's id and opcode, QR set. */
    static Message reply(Message query) {
        Message m = new Message(query.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            m.getHeader().setFlag(Flags.RD);
        }
        return m;
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ARecord a(String owner, String address) {
        try {
            return new ARecord(name(owner), DClass.IN, TTL, InetAddress.getByName(address));
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
