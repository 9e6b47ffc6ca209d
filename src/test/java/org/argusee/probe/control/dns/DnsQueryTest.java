package org.argusee.probe.control.dns;

import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Type;

/** How the DNS types and parameters become a query, and what is refused when the service is planned. */
class DnsQueryTest {

    @ParameterizedTest
    @CsvSource({
        "Domain/example.com,          example.com., SOA, AUTHOK, false",
        "UDP/Domain/example.com,      example.com., SOA, AUTHOK, false",
        "TCP/Domain/example.com,      example.com., SOA, AUTHOK, true",
        "DNS/Serial/example.com,      example.com., SOA, SERIAL, false",
        "DNS/A/www.example.com,       www.example.com., A, ANSWER, false",
        "DNS/mx/example.com,          example.com., MX, ANSWER, false",
        "TCP/DNS/AAAA/www.example.com, www.example.com., AAAA, ANSWER, true",
        "DNS,                         ., SOA, NONE, false",
        "TCP/DNS,                     ., SOA, NONE, true"
    })
    void eachTypeHasItsQueryAndTest(String type, String name, String qtype, DnsTest test, boolean tcp) {
        DnsQuery q = query(type);
        assertEquals(DnsTestZone.name(name), q.name());
        assertEquals(Type.value(qtype), q.qtype());
        assertEquals(test, q.test());
        assertEquals(tcp, q.tcp());
        assertEquals(DClass.IN, q.dclass());
        assertFalse(q.recurse());
    }

    @Test
    void longFormTakesEveryParameter() {
        DnsQuery q =
                query("DNS", "zone", "example.com", "class", "CH", "query", "mx", "test", "NAnswers", "recurse", "yes");
        assertEquals(DnsTestZone.name("example.com."), q.name());
        assertEquals(Type.MX, q.qtype());
        assertEquals(DClass.CH, q.dclass());
        assertEquals(DnsTest.NANSWERS, q.test());
        assertTrue(q.recurse());
        assertTrue(q.message().getHeader().getFlag(Flags.RD));
    }

    @Test
    void theTypesQueryWinsTheTestParameterApplies() {
        DnsQuery q = query("DNS/A/www.example.com", "query", "MX", "zone", "other.example.com", "test", "nanswers");
        assertEquals(Type.A, q.qtype());
        assertEquals(DnsTestZone.name("www.example.com."), q.name());
        assertEquals(DnsTest.NANSWERS, q.test());
        assertEquals(
                DnsTest.SERIAL, query("Domain/example.com", "test", "serial").test());
    }

    @Test
    void theOriginalsQueryNamesAndOthersDnsjavaKnows() {
        assertEquals(Type.AFSDB, query("DNS", "query", "AFS").qtype());
        assertEquals(Type.CAA, query("DNS", "query", "CAA").qtype());
        DnsQuery stat = query("DNS", "query", "STAT");
        assertNull(stat.name());
        assertNull(stat.message().getQuestion());
        assertTrue(query("DNS", "zone", "example.com", "query", "AXFR").tcp(), "a zone transfer is TCP only");
        assertEquals(DClass.value("CLASS2"), query("DNS", "class", "CS").dclass());
        assertEquals(DClass.ANY, query("DNS", "class", "any").dclass());
    }

    @Test
    void everyRequestHasItsOwnRandomIdAndNoFlagsButRd() {
        DnsQuery q = query("Domain/example.com");
        Set<Integer> ids = IntStream.range(0, 20)
                .mapToObj(i -> q.message().getHeader().getID())
                .collect(Collectors.toSet());
        assertTrue(ids.size() > 1, ids.toString());
        assertEquals("", q.message().getHeader().printFlags().strip());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "test    | authoritative | bad test 'authoritative': use one of none, noerror, authok, serial, answer, "
                        + "nanswers, authority, nauthority, additional, nadditional, aaa",
                "class   | CHAOS         | bad class 'CHAOS': use one of IN, CH, HS, CS, ANY",
                "query   | BOGUS         | bad query 'BOGUS'",
                "recurse | maybe         | bad recurse: bad boolean 'maybe'",
                "zone    | a..b          | bad zone 'a..b'"
            })
    void badParametersAreRefusedWhenTheServiceIsPlanned(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("DNS", key, value));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void domainNeedsAZone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("Domain"));
        assertEquals("Domain needs a zone: write Domain/example.com or set 'zone'", e.getMessage());
        assertEquals(
                DnsTestZone.name("example.com."),
                query("Domain", "zone", "example.com").name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DNS",
                "Domain/example.com",
                "DNS/A/www.example.com",
                "DNS/Serial/example.com",
                "TCP/DNS",
                "UDP/Domain/example.com"
            })
    void theServerUnderTestIsHostnameOnPort53(String type) {
        assertEquals(53, spec(type).port());
        assertEquals(5353, spec(type, "port", "5353").port());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProbeSpec.of(ServiceType.parse(type), Map.of()));
        assertTrue(e.getMessage().contains("needs a hostname"), e.getMessage());
    }

    @Test
    void plainUdpDnsIsTheUdpApplicationsUnlessItHasDnsParameters() {
        ServiceType udpDns = ServiceType.parse("UDP/DNS");
        assertTrue(DnsQuery.isPlainUdp(udpDns, Map.of("hostname", "h")));
        assertTrue(DnsQuery.isPlainUdp(udpDns, Map.of("send", "x", "test", "answer")), "send makes it raw UDP");
        assertFalse(DnsQuery.isPlainUdp(udpDns, Map.of("zone", "example.com")));
        assertFalse(DnsQuery.isPlainUdp(ServiceType.parse("UDP/DNS/A/www.example.com"), Map.of()));
        assertFalse(DnsQuery.isPlainUdp(ServiceType.parse("DNS"), Map.of()));
        assertFalse(DnsQuery.isPlainUdp(ServiceType.parse("TCP/DNS"), Map.of()));
    }

    private static DnsQuery query(String type, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return DnsQuery.of(ServiceType.parse(type), params);
    }
}
