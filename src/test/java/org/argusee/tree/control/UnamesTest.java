package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnamesTest {

    private static final Map<String, String> HOST = Map.of("hostname", "mail.example.com");

    @ParameterizedTest
    @CsvSource({
        "Ping, Ping_mail.example.com",
        "TCP/SMTP, SMTP_mail.example.com",
        "TCP/HTTP, HTTP_mail.example.com",
        "TCP/Argus, Argus_mail.example.com",
        "TCP/NFS, TCP_NFS_mail.example.com",
        "UDP/NFS, NFS_mail.example.com",
        "UDP/NTP, NTP_mail.example.com",
        "UDP/NTP/Stratum, NTP/Stratum_mail.example.com",
        "UDP/DNS, DNS_mail.example.com",
        "DNS, DNS_mail.example.com",
        "TCP/DNS, TCP_DNS_mail.example.com",
        "DNS/A/www.example.com, DNS_A_www.example.com_mail.example.com",
        "DNS/Serial/example.com, DNS_Serial_example.com_mail.example.com",
        "Domain/example.com, Domain_example.com_mail.example.com",
        "UDP/Domain/example.com, Domain_example.com_mail.example.com",
        "UDP/SNMP/ifOperStatus.2, SNMP_ifOperStatus.2_mail.example.com",
        "UDP/RPC/mountd/3, UDPRPC_mail.example.com_mountd_3",
        "TCP/RPC/100005, TCPRPC_mail.example.com_100005",
        "Self/tested, Self_tested",
        "Agent/Load, Agent_Load_mail.example.com",
        "DARP/Watch/slave1, DARP_WATCH_slave_slave1",
    })
    void namesFromTypeAndHost(String type, String uname) {
        assertEquals(uname, Unames.defaultUname(ServiceType.parse(type), HOST));
    }

    @Test
    void plainTcpAndUdpNameThePort() {
        Map<String, String> p = Map.of("hostname", "eury.example.com", "port", "87");
        assertEquals("TCP_87_eury.example.com", Unames.defaultUname(ServiceType.parse("TCP"), p));
        assertEquals("UDP_87_eury.example.com", Unames.defaultUname(ServiceType.parse("UDP"), p));
    }

    @Test
    void urlNameComesFromTheUrlAsTheOriginalDid() {
        assertEquals(
                "URL_www.example.com:/cgi-bin/dbtest.pl",
                url("http://www.example.com/cgi-bin/dbtest.pl"),
                "no port in the URL leaves it empty");
        assertEquals("URL_www.example.com:8080/x?a=1", url("http://www.example.com:8080/x?a=1"));
        assertEquals("URL_www.example.com:/", url("https://www.example.com"));
        assertThrows(IllegalArgumentException.class, () -> url("ftp://files.example.com/"));
    }

    @Test
    void progSelfDbComputeUseTheirParameters() {
        assertEquals(
                "Prog_ps_-p_$ARGUS_PID_-o_vsz_|_tail_-1",
                Unames.defaultUname(ServiceType.parse("Prog"), Map.of("command", "ps -p $ARGUS_PID -o vsz | tail -1")));
        assertEquals("Self_idle", Unames.defaultUname(ServiceType.parse("Self"), Map.of("param", "idle")));
        assertEquals(
                "DB_dbi:Pg:dbname=mydb",
                Unames.defaultUname(ServiceType.parse("DB"), Map.of("dsn", "dbi:Pg:dbname=mydb", "sql", "select 1")));
        assertEquals(
                "COMPUTE_%{Top:A}_+_%{Top:B}",
                Unames.defaultUname(ServiceType.parse("Compute"), Map.of("expr", "%{Top:A} + %{Top:B}")));
    }

    @Test
    void twoOidsOnOneHostGetTwoNames() {
        ServiceType snmp = ServiceType.parse("UDP/SNMP");
        String a = Unames.defaultUname(snmp, Map.of("hostname", "gw", "oid", ".1.3.6.1.2.1.2.2.1.16.1"));
        String b = Unames.defaultUname(snmp, Map.of("hostname", "gw", "oid", ".1.3.6.1.2.1.2.2.1.10.1"));
        assertEquals("SNMP_.1.3.6.1.2.1.2.2.1.16.1_gw", a);
        assertNotEquals(a, b);
    }

    @Test
    void longFormDnsAndAsteriskCommandsTellServicesApart() {
        assertEquals(
                "DNS_MX_example.com_ns1",
                Unames.defaultUname(
                        ServiceType.parse("DNS"), Map.of("hostname", "ns1", "zone", "example.com", "query", "MX")));
        assertEquals(
                "Asterisk_pri_show_span_1_pbx",
                Unames.defaultUname(
                        ServiceType.parse("TCP/Asterisk"), Map.of("hostname", "pbx", "cmd", "pri show span 1")));
        assertEquals(
                "DARP_WATCH_master_m1",
                Unames.defaultUname(ServiceType.parse("DARP/Watch"), Map.of("watch", "m1", "mode", "master")));
    }

    @Test
    void missingParameterIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Unames.defaultUname(ServiceType.parse("Ping"), Map.of()));
        assertTrue(e.getMessage().contains("'hostname'"), e.getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Unames.defaultUname(ServiceType.parse("TCP"), HOST))
                        .getMessage()
                        .contains("'port'"));
    }

    @Test
    void whitespaceBecomesUnderscore() {
        assertEquals("Output_Source", Unames.sanitize("  Output \t Source "));
        assertEquals("Ping_a_b", Unames.defaultUname(ServiceType.parse("Ping"), Map.of("hostname", "a b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Servers", "SMTP_mail.example.com", "URL_www.example.com:8080/x", "NTP-Disp", "é"})
    void allowedNames(String name) {
        assertEquals(Optional.empty(), Unames.checkName(name));
    }

    @Test
    void refusedNames() {
        assertTrue(Unames.checkName("").isPresent());
        assertTrue(Unames.checkName(null).isPresent());
        assertTrue(Unames.checkName("Output Source").isPresent());
        assertTrue(Unames.checkName("a\u0007b").isPresent());
        assertTrue(Unames.checkName("n".repeat(201)).isPresent());
        assertEquals(Optional.empty(), Unames.checkName("n".repeat(200)));
    }

    private static String url(String url) {
        return Unames.defaultUname(ServiceType.parse("TCP/URL"), Map.of("url", url));
    }
}
