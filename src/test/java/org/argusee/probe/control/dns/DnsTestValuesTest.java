package org.argusee.probe.control.dns;

import static org.argusee.probe.control.dns.DnsChecks.assertFailed;
import static org.argusee.probe.control.dns.DnsChecks.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.udp.UdpMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/** Each value of the {@code test} parameter: the value it gives and when it fails. */
class DnsTestValuesTest {

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
    void longFormCountsTheAnswers() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS", "zone", "example.com", "class", "IN", "query", "MX", "test", "nanswers");
            assertEquals("2", r.value(), r.reason());
            assertTrue(judge(r, "expect", "2").up());
            assertEquals(
                    "0",
                    probe(server, "DNS", "zone", "www.example.com", "query", "MX", "test", "nanswers")
                            .value(),
                    "no records is a count of 0, not a failure");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "none        | NOERROR",
                "noerror     | 10 mx1.example.com. 20 mx2.example.com.",
                "authok      | 10 mx1.example.com. 20 mx2.example.com.",
                "answer      | 10 mx1.example.com. 20 mx2.example.com.",
                "nanswers    | 2",
                "authority   | ns1.example.com. ns2.example.com.",
                "nauthority  | 2",
                "additional  | 10.1.2.53 10.1.2.54",
                "nadditional | 2",
                "aaa         | 10 mx1.example.com. 20 mx2.example.com. ns1.example.com. ns2.example.com. 10.1.2.53 10.1.2.54"
            })
    void eachTestGivesItsValue(String test, String value) throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            Reply r = probe(server, "DNS", "zone", "example.com", "query", "MX", "test", test);
            assertTrue(r.ok(), r.reason());
            assertEquals(value, r.value());
        }
    }

    @Test
    void noerrorAndAuthokWithAnEmptyAnswerAreUpWithoutAValue() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            for (String test : new String[] {"noerror", "authok"}) {
                Reply r = probe(server, "DNS/MX/www.example.com", "test", test);
                assertTrue(r.ok(), r.reason());
                assertNull(r.value());
                assertTrue(judge(r).up(), "an empty answer is not 'no data received'");
            }
        }
    }

    @Test
    void emptySectionsFailTheTestsThatShowThem() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            assertFailed(
                    "no authority",
                    probe(server, "DNS", "zone", "version.bind", "class", "CH", "query", "TXT", "test", "authority"));
            assertFailed(
                    "no additional",
                    probe(server, "DNS", "zone", "version.bind", "class", "CH", "query", "TXT", "test", "additional"));
            assertEquals(
                    "0",
                    probe(server, "DNS", "zone", "version.bind", "class", "CH", "query", "TXT", "test", "nadditional")
                            .value());
            assertEquals(
                    "ns1.example.com. hostmaster.example.com. " + DnsTestZone.SERIAL + " 3600 600 86400 3600",
                    probe(server, "DNS/MX/www.example.com", "test", "aaa").value(),
                    "aaa shows the authority too");
        }
        try (DnsServer empty = DnsServer.start((q, tcp) -> {
            Message m = DnsTestZone.reply(q);
            m.addRecord(q.getQuestion(), Section.QUESTION);
            return List.of(m.toWire());
        })) {
            assertFailed("no answer", probe(empty, "DNS/MX/www.example.com", "test", "aaa"));
            assertFailed("no answer", probe(empty, "DNS/MX/www.example.com", "test", "answer"));
            assertEquals(
                    "0",
                    probe(empty, "DNS/MX/www.example.com", "test", "nanswers").value());
        }
    }

    @Test
    void everyTestButNoneWantsNoerror() throws Exception {
        try (DnsServer server = DnsServer.start(DnsTestZone.authoritative())) {
            for (String test : new String[] {
                "noerror",
                "authok",
                "serial",
                "answer",
                "nanswers",
                "authority",
                "nauthority",
                "additional",
                "nadditional",
                "aaa"
            }) {
                assertFailed("NXDOMAIN", probe(server, "DNS/A/nope.example.com", "test", test));
            }
            Reply none = probe(server, "DNS/A/nope.example.com", "test", "none");
            assertTrue(none.ok(), none.reason());
            assertEquals("NXDOMAIN", none.value());
        }
    }

    private Reply probe(DnsServer server, String type, String... keyValues) {
        return DnsChecks.probe(monitor, server, type, keyValues);
    }
}
