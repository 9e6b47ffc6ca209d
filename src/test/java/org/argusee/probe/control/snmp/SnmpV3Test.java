package org.argusee.probe.control.snmp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/** SNMPv3 (USM) against a real agent on 127.0.0.1: every protocol, wrong secrets, engine ids, contexts. */
class SnmpV3Test {

    private static final String AUTH_PASS = "auth-pass-1234";
    private static final String PRIV_PASS = "priv-pass-5678";
    private static final Duration SHORT_WAIT = Duration.ofSeconds(6);

    private NetLoop loop;
    private SnmpMonitor monitor;
    private SnmpAgent agent;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = SnmpMonitor.open(loop);
        agent = SnmpAgent.start(
                        "unused-community",
                        user("md5des", AuthMD5.ID, PrivDES.ID),
                        user("shaaes", AuthSHA.ID, PrivAES128.ID),
                        user("shaaes192", AuthSHA.ID, PrivAES192.ID),
                        user("shaaes256", AuthSHA.ID, PrivAES256.ID),
                        user("sha256des3", AuthHMAC192SHA256.ID, Priv3DES.ID),
                        user("sha512", AuthHMAC384SHA512.ID, null),
                        user("nobody", null, null))
                .with("1.3.6.1.2.1.1.1.0", new OctetString("Argus test agent"));
    }

    @AfterEach
    void close() throws IOException {
        agent.close();
        monitor.close();
        loop.close();
    }

    @ParameterizedTest
    @CsvSource({
        "md5des, MD5, DES",
        "shaaes, SHA1, AES",
        "shaaes192, sha, AES192",
        "shaaes256, SHA1, AES256",
        "sha256des3, SHA256, 3DES",
        "sha512, SHA512, none"
    })
    void everyProtocolPairWorks(String user, String auth, String priv) {
        Reply r = probe(agent, user, "snmpauth", auth, "snmppriv", priv);
        assertTrue(r.ok(), user + ": " + r.reason());
        assertEquals("Argus test agent", r.value());
    }

    @Test
    void md5AndDesAreTheDefaultsAsInTheOriginal() {
        Reply r = probe(agent, "md5des");
        assertTrue(r.ok(), r.reason());
    }

    @Test
    void theEngineIdIsDiscoveredOncePerAgent() {
        assertTrue(probe(agent, "md5des").ok());
        assertTrue(probe(agent, "shaaes", "snmpauth", "SHA1", "snmppriv", "AES").ok());
        assertEquals(1, agent.anonymous.get());
    }

    @Test
    void noPassphraseIsNoAuthNoPriv() {
        Reply r = await(
                monitor.probe(spec("UDP/SNMPv3", "port", port(agent), "snmpuser", "nobody", "oid", "sysDescr.0")));
        assertTrue(r.ok(), r.reason());
    }

    @Test
    void aWrongPassphraseIsAnAuthenticationFailure() {
        Reply r = await(monitor.probe(spec(
                "UDP/SNMPv3",
                "port",
                port(agent),
                "snmpuser",
                "shaaes",
                "snmpauth",
                "SHA1",
                "snmppass",
                "not-the-passphrase",
                "snmppriv",
                "AES",
                "snmpprivpass",
                PRIV_PASS,
                "oid",
                "sysDescr.0",
                "timeout",
                "15")));
        assertEquals("authentication failure", r.reason());
    }

    @Test
    void aWrongPrivacyPassphraseFails() {
        Reply r = await(
                monitor.probe(spec(
                        "UDP/SNMPv3",
                        "port",
                        port(agent),
                        "snmpuser",
                        "shaaes",
                        "snmpauth",
                        "SHA1",
                        "snmppass",
                        AUTH_PASS,
                        "snmppriv",
                        "AES",
                        "snmpprivpass",
                        "not-the-passphrase",
                        "oid",
                        "sysDescr.0",
                        "timeout",
                        "2")),
                SHORT_WAIT);
        assertFalse(r.ok());
        assertTrue(List.of("decryption error", "timeout").contains(r.reason()), r.reason());
    }

    @Test
    void anUnknownUserIsSaid() {
        assertEquals("unknown user name", probe(agent, "mallory").reason());
    }

    @Test
    void askingMoreSecurityThanTheUserHasIsRefused() {
        Reply r = await(monitor.probe(spec(
                "UDP/SNMPv3",
                "port",
                port(agent),
                "snmpuser",
                "sha512",
                "snmpauth",
                "SHA512",
                "snmppass",
                AUTH_PASS,
                "snmpprivpass",
                PRIV_PASS,
                "oid",
                "sysDescr.0")));
        assertEquals("unsupported security level", r.reason());
    }

    @Test
    void aConfiguredEngineIdSkipsDiscovery() {
        Reply right =
                probe(agent, "shaaes", "snmpauth", "SHA1", "snmppriv", "AES", "authengine", "0x" + agent.engineHex());
        assertTrue(right.ok(), right.reason());
        assertEquals(0, agent.anonymous.get(), "no discovery");
        // SNMP4J as an agent drops a request for another engine id; Net-SNMP says "unknown engine id" instead
        Reply wrong = probe(
                agent,
                "shaaes",
                "snmpauth",
                "SHA1",
                "snmppriv",
                "AES",
                "authengine",
                "80001f8880aabbccddeeff",
                "timeout",
                "1");
        assertEquals("timeout", wrong.reason());
    }

    @Test
    void theContextNameIsSent() {
        Reply r = probe(agent, "shaaes", "snmpauth", "SHA1", "snmppriv", "AES", "contextname", "vlan-7");
        assertTrue(r.ok(), r.reason());
        assertEquals("vlan-7", agent.contexts.get(agent.contexts.size() - 1));
    }

    @Test
    void oneUserNameMayHaveAnotherPassphraseOnAnotherAgent() throws IOException {
        try (SnmpAgent other = SnmpAgent.start(
                        "unused",
                        new UsmUser(
                                new OctetString("md5des"),
                                AuthMD5.ID,
                                new OctetString("other-auth-pass"),
                                PrivDES.ID,
                                new OctetString("other-priv-pass")))
                .with("1.3.6.1.2.1.1.1.0", new OctetString("the other agent"))) {
            assertTrue(probe(agent, "md5des").ok());
            Reply r = await(monitor.probe(spec(
                    "UDP/SNMPv3",
                    "port",
                    port(other),
                    "snmpuser",
                    "md5des",
                    "snmppass",
                    "other-auth-pass",
                    "snmpprivpass",
                    "other-priv-pass",
                    "oid",
                    "sysDescr.0")));
            assertEquals("the other agent", r.value(), r.reason());
            assertTrue(probe(agent, "md5des").ok(), "the first agent's keys are still right");
        }
    }

    @Test
    void aSilentAgentIsATimeoutDuringDiscovery() throws IOException {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Reply r = await(
                monitor.probe(spec("UDP/SNMPv3", "port", Integer.toString(port), "snmpuser", "x", "timeout", "1")),
                SHORT_WAIT);
        assertEquals("timeout", r.reason());
    }

    @Test
    void shortPassphrasesAreRefusedWithoutShowingThem() {
        Reply r = await(monitor.probe(spec("UDP/SNMPv3", "snmpuser", "u", "snmppass", "short")));
        assertEquals("configuration: snmppass is shorter than 8 characters, which SNMPv3 does not allow", r.reason());
    }

    private Reply probe(SnmpAgent target, String user, String... more) {
        String[] all = new String[more.length + 10];
        String[] base = {
            "port",
            port(target),
            "snmpuser",
            user,
            "snmppass",
            AUTH_PASS,
            "snmpprivpass",
            PRIV_PASS,
            "oid",
            "sysDescr.0"
        };
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return await(monitor.probe(spec("UDP/SNMPv3", all)));
    }

    private static String port(SnmpAgent a) {
        return Integer.toString(a.port());
    }

    private static UsmUser user(String name, OID auth, OID priv) {
        return new UsmUser(
                new OctetString(name),
                auth,
                auth == null ? null : new OctetString(AUTH_PASS),
                priv,
                priv == null ? null : new OctetString(PRIV_PASS));
    }
}
