package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTypeTest {

    /** Every type written in the configs of the Argus 3.7 distribution. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ping",
                "TCP",
                "TCP/HTTP",
                "TCP/SMTP",
                "TCP/URL",
                "TCP/FTP",
                "TCP/POP",
                "TCP/Telnet",
                "TCP/SSL",
                "TCP/NNTP",
                "TCP/Asterisk",
                "TCP/RPC/100005",
                "TCP/DNS",
                "TCP/Argus",
                "UDP/SNMP",
                "UDP/DNS",
                "UDP/NFS",
                "UDP/RADIUS",
                "UDP/NTP",
                "UDP/Domain/example.com",
                "UDP/SNMPv3",
                "UDP/SNMP/ifOperStatus.2",
                "UDP/SNMP/OperStatus.2",
                "UDP/SIP",
                "UDP/IAX2",
                "UDP/RPC/ypbind",
                "UDP/RPC/mountd/3",
                "UDP/RPC/100005/3",
                "UDP/RPC/100005",
                "DNS",
                "DNS/A/www.example.com",
                "DNS/Serial/example.com",
                "Domain/example.com",
                "Self/tested",
                "Self/idle",
                "Self/Notifs",
                "Prog",
                "DB",
                "Compute",
                "Agent/Load",
                "DARP/Watch/slave1"
            })
    void acceptsTypesFromRealConfigs(String text) {
        ServiceType type = ServiceType.parse(text);
        assertEquals(text, type.text());
        assertEquals(text, type.canonical());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TCP/SMTPS",
                "TCP/POPS",
                "TCP/IMAP",
                "TCP/IMAPS",
                "TCP/HTTPS",
                "TCP/SSH",
                "TCP/Whois",
                "TCP/LPD",
                "TCP/NFS",
                "UDP/SNMPv2c",
                "UDP/Portmap",
                "UDP/NTP/Stratum",
                "UDP/RPC",
                "Self",
                "Domain"
            })
    void acceptsDocumentedTypes(String text) {
        assertEquals(text, ServiceType.parse(text).canonical());
    }

    @Test
    void splitsIntoBaseApplicationAndRest() {
        ServiceType t = ServiceType.parse("UDP/RPC/mountd/3");
        assertEquals("UDP", t.base());
        assertEquals("RPC", t.app());
        assertEquals(List.of("mountd", "3"), t.rest());
        ServiceType ping = ServiceType.parse("Ping");
        assertNull(ping.app());
        assertEquals(List.of(), ping.rest());
        assertEquals(List.of("tested"), ServiceType.parse("Self/tested").rest());
    }

    @Test
    void snmpOidKeepsItsSlashes() {
        assertEquals(
                List.of("ifInOctets[Serial2/1]"),
                ServiceType.parse("UDP/SNMP/ifInOctets[Serial2/1]").rest());
    }

    @Test
    void matchingIgnoresCaseButKeepsTheText() {
        ServiceType t = ServiceType.parse("darp/WATCH/Slave1");
        assertEquals("darp/WATCH/Slave1", t.text());
        assertEquals("DARP", t.base());
        assertEquals("Watch", t.app());
        assertEquals("DARP/Watch/Slave1", t.canonical());
        assertEquals("TCP/HTTP", ServiceType.parse("tcp/http").canonical());
        assertEquals(
                "DNS/MX/example.com", ServiceType.parse("dns/mx/example.com").canonical());
    }

    @ParameterizedTest
    @CsvSource({
        "TCP/SMTP, 25",
        "TCP/HTTP, 80",
        "TCP/HTTPS, 443",
        "TCP/SSH, 22",
        "TCP/Whois, 43",
        "TCP/POPS, 995",
        "TCP/IMAPS, 993",
        "TCP/SMTPS, 465",
        "TCP/NFS, 2049",
        "UDP/DNS, 53",
        "UDP/NTP, 123",
        "UDP/RADIUS, 1645",
        "UDP/SNMP, 161",
        "UDP/SNMPv3, 161",
        "UDP/Portmap, 111",
        "UDP/RPC/mountd, 111",
        "DNS, 53",
        "Domain/example.com, 53",
        "Agent/Load, 164"
    })
    void defaultPorts(String text, int port) {
        assertEquals(OptionalInt.of(port), ServiceType.parse(text).defaultPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "UDP", "TCP/URL", "TCP/Argus", "Ping", "Prog", "Self/tested", "DARP/Watch/a"})
    void noDefaultPort(String text) {
        assertEquals(OptionalInt.empty(), ServiceType.parse(text).defaultPort());
    }

    @Test
    void unknownBaseIsNamedWithTheKnownOnes() {
        String message = refused("Foo/bar");
        assertTrue(
                message.contains("'Foo/bar'") && message.contains("'Foo'") && message.contains("Ping, TCP, UDP"),
                message);
    }

    @Test
    void unknownApplicationListsTheKnownOnes() {
        String message = refused("TCP/HTPP");
        assertTrue(
                message.startsWith("unknown TCP application 'HTPP' in service type 'TCP/HTPP'; known: SMTP, "),
                message);
        assertTrue(refused("UDP/Gopher").contains("RADIUS"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "TCP//HTTP",
                "TCP/",
                "/Ping",
                "Ping/x",
                "TCP/SMTP/x",
                "TCP HTTP",
                "Self/a/b",
                "DNS/A",
                "DNS/XX/name",
                "DNS/A/b/c",
                "DARP",
                "DARP/Listen/x",
                "UDP/RPC/a/b/c",
                "Prog/ls"
            })
    void refusesMalformedTypes(String text) {
        assertTrue(refused(text).contains("'" + text + "'") || text.isBlank());
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> ServiceType.parse(null));
    }

    private static String refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ServiceType.parse(text))
                .getMessage();
    }
}
