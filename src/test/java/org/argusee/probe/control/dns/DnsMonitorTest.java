package org.argusee.probe.control.dns;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.argusee.probe.control.dns.DnsChecks.assertFailed;
import static org.argusee.probe.control.dns.DnsChecks.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.udp.UdpMonitor;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Type;

/** Every DNS type and {@code test} against a real DNS server on 127.0.0.1 serving example.com. */
class DnsMonitorTest {

    private NetLoop loop;
    private DnsMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new DnsMonitor(loop, new UdpMonitor(loop));
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void domainIsTheZonesSoaAnsweredWithAuthority() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "Domain/example.com");
            assertTrue(r.ok(), r.reason());
            assertTrue(r.value().contains(" " + DnsTestZone.SERIAL + " "), r.value());
            DnsServer.Asked asked = server.asked.get(0);
            assertFalse(asked.tcp());
            assertEquals(Type.SOA, asked.query().getQuestion().getType());
            assertEquals(DnsTestZone.ZONE, asked.query().getQuestion().getName());
            assertFalse(asked.query().getHeader().getFlag(Flags.RD), "recurse is off unless asked for");
        }
    }

    @Test
    void domainFromACacheIsNotAuthoritative() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.cached())) {
            assertFailed("not authoritative", probe(server, "Domain/example.com"));
            assertFailed("not authoritative", probe(server, "Domain", "zone", "example.com"));
        }
    }

    @Test
    void domainTheServerDoesNotServeIsItsRcode() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertFailed("REFUSED", probe(server, "Domain/example.org"));
        }
    }

    @Test
    void serialIsTheValueSoMinvalueWorksOnIt() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS/Serial/example.com");
            assertTrue(r.ok(), r.reason());
            assertEquals(Long.toString(DnsTestZone.SERIAL), r.value());
            assertTrue(judge(r, "minvalue", Long.toString(DnsTestZone.SERIAL)).up());
            assertFalse(
                    judge(r, "minvalue", Long.toString(DnsTestZone.SERIAL + 1)).up());
            assertTrue(judge(r, "eqvalue", Long.toString(DnsTestZone.SERIAL)).up());
        }
    }

    @Test
    void serialOfAMissingZoneIsItsRcodeAndOfAnEmptyAnswerNoAnswer() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertFailed("NXDOMAIN", probe(server, "DNS/Serial/nope.example.com"));
            assertFailed("no answer", probe(server, "DNS/Serial/www.example.com"));
            assertFailed(
                    "no SOA in answer",
                    probe(server, "DNS", "zone", "www.example.com", "query", "A", "test", "serial"));
        }
    }

    @Test
    void queryTypeAndNameGiveTheAnswerSection() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply a = probe(server, "DNS/A/www.example.com");
            assertEquals("10.1.2.3", a.value(), a.reason());
            assertTrue(judge(a, "expect", "^10\\.1\\.2\\.3$").up());
            assertFalse(judge(a, "expect", "10.1.2.4").up());
            assertEquals(
                    "10 mx1.example.com. 20 mx2.example.com.",
                    probe(server, "DNS/MX/example.com").value());
            assertEquals(
                    "www.example.com. 10.1.2.3",
                    probe(server, "DNS/A/web.example.com").value(),
                    "a CNAME is part of the answer");
            assertEquals(Type.MX, server.asked.get(1).query().getQuestion().getType());
        }
    }

    @Test
    void answerFailuresSayWhy() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertFailed("NXDOMAIN", probe(server, "DNS/A/nope.example.com"));
            assertFailed("SERVFAIL", probe(server, "DNS/A/fail.example.com"));
            assertFailed("no answer", probe(server, "DNS/MX/www.example.com"));
        }
    }

    @Test
    void ptrForAnAddressAsksItsReverseName() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertEquals("www.example.com.", probe(server, "DNS/PTR/10.1.2.3").value());
            assertEquals(
                    DnsTestZone.name("3.2.1.10.in-addr.arpa."),
                    server.asked.get(0).query().getQuestion().getName());
        }
    }

    @Test
    void plainDnsOnlyWantsAResponseWhateverItsRcode() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS");
            assertTrue(r.ok(), r.reason());
            assertEquals("REFUSED", r.value(), "the root's SOA is not this server's");
            assertEquals(
                    DnsTestZone.name("."),
                    server.asked.get(0).query().getQuestion().getName());
        }
    }

    @Test
    void statAsksTheServerStatus() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS", "query", "STAT");
            assertEquals("NOTIMP", r.value(), r.reason());
            assertEquals(Opcode.STATUS, server.asked.get(0).query().getHeader().getOpcode());
            assertNull(server.asked.get(0).query().getQuestion());
            assertFailed("NOTIMP", probe(server, "DNS", "query", "STAT", "test", "noerror"));
        }
    }

    @Test
    void classAndRecurseAreAsked() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(
                    server,
                    "DNS",
                    "zone",
                    "version.bind",
                    "class",
                    "ch",
                    "query",
                    "txt",
                    "test",
                    "answer",
                    "recurse",
                    "yes");
            assertEquals("\"test-dns 1.0\"", r.value(), r.reason());
            assertEquals(DClass.CH, server.asked.get(0).query().getQuestion().getDClass());
            assertTrue(server.asked.get(0).query().getHeader().getFlag(Flags.RD));
        }
    }

    @Test
    void tcpSpellingsGoOverTcpAndUdpSpellingsOverUdp() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertTrue(probe(server, "TCP/Domain/example.com").ok());
            assertEquals(
                    "2",
                    probe(server, "TCP/DNS", "zone", "example.com", "query", "MX", "test", "nanswers")
                            .value());
            assertEquals("10.1.2.3", probe(server, "TCP/DNS/A/www.example.com").value());
            assertTrue(probe(server, "UDP/Domain/example.com").ok());
            assertEquals("10.1.2.3", probe(server, "UDP/DNS/A/www.example.com").value());
            assertEquals(
                    List.of(true, true, true, false, false),
                    server.asked.stream().map(DnsServer.Asked::tcp).toList());
        }
    }

    @Test
    void axfrGoesOverTcp() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS", "zone", "example.com", "query", "AXFR", "test", "nanswers");
            assertEquals("5", r.value(), r.reason());
            assertTrue(server.asked.get(0).tcp());
        }
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS/A/big.example.com", "test", "nanswers");
            assertEquals(Integer.toString(DnsTestZone.BIG), r.value(), r.reason());
            assertEquals(
                    List.of(false, true),
                    server.asked.stream().map(DnsServer.Asked::tcp).toList());
        }
    }

    @Test
    void aTruncatedAnswerIsEnoughWhenOnlyTheResponseCounts() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS", "zone", "big.example.com", "query", "A");
            assertEquals("NOERROR", r.value(), r.reason());
            assertEquals(1, server.asked.size());
        }
    }

    @Test
    void plainUdpDnsStaysTheUdpApplication() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "UDP/DNS");
            assertTrue(r.ok(), r.reason());
            assertEquals(Type.NS, server.asked.get(0).query().getQuestion().getType(), "UdpApps' request");
            assertTrue(monitor.handles(spec("UDP/DNS")));
            assertEquals(
                    "2",
                    probe(server, "UDP/DNS", "zone", "example.com", "query", "MX", "test", "nanswers")
                            .value(),
                    "with DNS parameters it is a DNS query");
        }
    }

    @Test
    void handlesEveryDnsSpellingAndNothingElse() {
        for (String type : new String[] {
            "DNS",
            "Domain/example.com",
            "DNS/A/www.example.com",
            "DNS/Serial/example.com",
            "UDP/DNS/MX/example.com",
            "UDP/Domain/example.com",
            "TCP/DNS",
            "TCP/Domain/example.com",
            "TCP/DNS/Serial/example.com"
        }) {
            assertTrue(monitor.handles(spec(type)), type);
            assertTrue(MonitorRoute.DNS.takes(ServiceType.parse(type)), type);
        }
        for (String type : new String[] {"TCP/SMTP", "UDP/NTP", "Ping"}) {
            assertFalse(MonitorRoute.DNS.takes(ServiceType.parse(type)), type);
        }
        assertFailed("TCP/SMTP is not a DNS service", await(monitor.probe(spec("TCP/SMTP"))));
    }

    private Reply probe(DnsServer server, String type, String... keyValues) {
        return DnsChecks.probe(monitor, server, type, keyValues);
    }
}
