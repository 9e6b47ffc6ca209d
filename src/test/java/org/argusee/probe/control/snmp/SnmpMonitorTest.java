package org.argusee.probe.control.snmp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.udp.UdpMonitor;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;

/** v1 and v2c against a real agent on 127.0.0.1: values, errors, silence and slowness. */
class SnmpMonitorTest {

    private static final String COMMUNITY = "t0p-s3cret";
    private static final String IF_OPER_STATUS_2 = "1.3.6.1.2.1.2.2.1.8.2";
    private static final String IF_IN_OCTETS_2 = "1.3.6.1.2.1.2.2.1.10.2";
    private static final Duration SHORT_WAIT = Duration.ofSeconds(6);

    private NetLoop loop;
    private SnmpMonitor monitor;
    private SnmpAgent agent;
    private final AtomicLong octets = new AtomicLong(4_000_000_000L);

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = SnmpMonitor.open(loop);
        agent = SnmpAgent.start(COMMUNITY)
                .with("1.3.6.1.2.1.1.1.0", new OctetString("Argus test agent"))
                .with("1.3.6.1.2.1.1.2.0", new OID("1.3.6.1.4.1.8072.3.2.10"))
                .with("1.3.6.1.2.1.1.3.0", new TimeTicks(123_456))
                .with(IF_OPER_STATUS_2, new Integer32(1))
                .with(IF_IN_OCTETS_2, () -> new Counter32(octets.getAndAdd(1000)))
                .with("1.3.6.1.2.1.31.1.1.1.6.2", new Counter64(0x8000_0000_0000_0005L))
                .with("1.3.6.1.2.1.2.2.1.5.2", new Gauge32(100_000_000))
                .with("1.3.6.1.4.1.99999.1.0", new Integer32(-5))
                .with("1.3.6.1.4.1.99999.2.0", new IpAddress("192.0.2.7"))
                .with("1.3.6.1.4.1.99999.3.0", new OctetString(new byte[] {0, (byte) 0xff, 'A'}))
                .with("1.3.6.1.4.1.99999.4.0", Null.noSuchInstance)
                .with("1.3.6.1.4.1.99999.5.0", Null.endOfMibView);
    }

    @AfterEach
    void close() throws IOException {
        agent.close();
        monitor.close();
        loop.close();
    }

    @Test
    void v1GetsANumericOid() {
        Reply r = probe("UDP/SNMP", "oid", "." + IF_OPER_STATUS_2);
        assertTrue(r.ok(), r.reason());
        assertEquals("1", r.value());
    }

    @Test
    void theOidMayBeInTheTypeAndByName() {
        Reply r = probe("UDP/SNMP/ifOperStatus.2");
        assertTrue(r.ok(), r.reason());
        assertEquals("1", r.value());
        assertEquals(
                "Argus test agent", probe("UDP/SNMPv2c", "oid", "sysDescr.0").value());
    }

    @Test
    void valuesAreNumbersOrText() {
        assertEquals("123456", probe("UDP/SNMPv2c", "oid", "sysUpTime.0").value(), "TimeTicks in hundredths");
        assertEquals(
                "9223372036854775813",
                probe("UDP/SNMPv2c", "oid", "ifHCInOctets.2").value(),
                "unsigned");
        assertEquals("100000000", probe("UDP/SNMPv2c", "oid", "ifSpeed.2").value());
        assertEquals("-5", probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.1.0").value());
        assertEquals(
                "192.0.2.7",
                probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.2.0").value());
        assertEquals(
                "\u0000\u00ffA",
                probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.3.0").value(),
                "one char a byte");
        assertEquals(
                "1.3.6.1.4.1.8072.3.2.10",
                probe("UDP/SNMPv2c", "oid", "sysObjectID.0").value());
    }

    @Test
    void snmpversionTurnsPlainSnmpIntoV2c() {
        assertEquals(
                "noSuchName", probe("UDP/SNMP", "oid", "1.3.6.1.4.1.99999.9.0").reason(), "v1");
        assertEquals(
                "noSuchObject",
                probe("UDP/SNMP", "oid", "1.3.6.1.4.1.99999.9.0", "snmpversion", "2c")
                        .reason(),
                "v2c");
    }

    @Test
    void exceptionsAreTheReason() {
        assertEquals(
                "noSuchObject",
                probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.9.0").reason());
        assertEquals(
                "noSuchInstance",
                probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.4.0").reason());
        assertEquals(
                "endOfMibView",
                probe("UDP/SNMPv2c", "oid", "1.3.6.1.4.1.99999.5.0").reason());
    }

    @Test
    void withoutAnOidAnyAnswerIsUp() {
        Reply r = probe("UDP/SNMP");
        assertTrue(r.ok(), r.reason());
        assertEquals("123456", r.value(), "sysUpTime.0");
        agent.values.clear();
        Reply bare = probe("UDP/SNMP");
        assertTrue(bare.ok(), "a v1 agent without the object still answered: " + bare.reason());
        assertNull(bare.value());
    }

    @Test
    void aWrongCommunityGetsNoAnswer() {
        Reply r = await(
                monitor.probe(spec(
                        "UDP/SNMPv2c", "port", port(), "community", "public", "oid", "sysDescr.0", "timeout", "1")),
                SHORT_WAIT);
        assertEquals("timeout", r.reason());
        Duration waited = r.elapsed();
        assertTrue(waited.toMillis() >= 900 && waited.toMillis() < 3000, "at the timeout: " + waited);
    }

    @Test
    void nobodyListeningIsATimeout() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Reply r = await(monitor.probe(spec("UDP/SNMP", "port", Integer.toString(port), "timeout", "1")), SHORT_WAIT);
        assertFalse(r.ok());
        assertEquals("timeout", r.reason());
    }

    @Test
    void aSlowAgentIsUpWithinTheTimeoutAndDownAfterIt() {
        agent.delay = Duration.ofMillis(300);
        Reply slow = probe("UDP/SNMPv2c", "oid", "sysDescr.0", "timeout", "5");
        assertTrue(slow.ok(), slow.reason());
        assertTrue(slow.elapsed().toMillis() >= 300, "waited for it: " + slow.elapsed());
        agent.delay = Duration.ofMillis(2500);
        Reply late = await(
                monitor.probe(spec(
                        "UDP/SNMPv2c", "port", port(), "community", COMMUNITY, "oid", "sysDescr.0", "timeout", "1")),
                SHORT_WAIT);
        assertEquals("timeout", late.reason());
    }

    @Test
    void aGrowingCounterGivesARate() {
        Map<String, String> params = Map.of("calc", "rate", "maxvalue", "50");
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        Verdict first = ResultEvaluator.evaluate(params, probe("UDP/SNMP", "oid", "ifInOctets.2"), EvalState.EMPTY, t0);
        assertTrue(first.pending(), "the first sample only starts the rate");
        Verdict second = ResultEvaluator.evaluate(
                params, probe("UDP/SNMP", "oid", "ifInOctets.2"), first.next(), t0.plusSeconds(10));
        assertEquals(100.0, second.number(), "1000 octets in 10 s");
        assertFalse(second.up(), "above maxvalue");
        assertEquals("4000002000", probe("UDP/SNMP", "oid", IF_IN_OCTETS_2).value(), "a counter past 2^31");
    }

    @Test
    void settingsThatCannotWorkSayWhy() {
        assertEquals(
                "configuration: bad oid '1.3.x': write it as numbers (.1.3.6.1.2.1.1.3.0) or as a name and "
                        + "index (ifInOctets.2)",
                probe("UDP/SNMP", "oid", "1.3.x").reason());
        assertEquals(
                "configuration: bad snmpversion '4': use 1, 2c or 3",
                probe("UDP/SNMP", "snmpversion", "4").reason());
        assertEquals(
                "configuration: SNMPv3 needs a user: set 'snmpuser'",
                probe("UDP/SNMPv3").reason());
    }

    @Test
    void oidsThatNeedWhatIsNotBuiltAreNotHandled() {
        assertFalse(monitor.handles(spec("UDP/SNMP", "oid", "ifInOctets[Serial2/1]")));
        assertFalse(monitor.handles(spec("UDP/SNMP/windowsDiskPercent.1")));
        assertTrue(monitor.handles(spec("UDP/SNMP", "oid", "ifInOctets.1")));
        assertTrue(monitor.handles(spec("UDP/SNMPv3")), "handled, and then says what is missing");
        assertFalse(monitor.handles(spec("UDP/DNS")));
        assertFalse(new UdpMonitor(loop).handles(spec("UDP/SNMP")), "one monitor for SNMP");
    }

    @Test
    void closingEndsProbesInFlight() {
        agent.delay = Duration.ofSeconds(30);
        var inFlight = monitor.probe(spec("UDP/SNMP", "port", port(), "community", COMMUNITY, "timeout", "30"));
        monitor.close();
        assertEquals(NetLoop.SHUT_DOWN, await(inFlight, SHORT_WAIT).reason());
        assertEquals(
                NetLoop.SHUT_DOWN,
                await(monitor.probe(spec("UDP/SNMP", "port", port()))).reason());
        assertEquals(0, monitor.inFlight());
    }

    private Reply probe(String type, String... keyValues) {
        String[] all = new String[keyValues.length + 4];
        all[0] = "port";
        all[1] = port();
        all[2] = "community";
        all[3] = COMMUNITY;
        System.arraycopy(keyValues, 0, all, 4, keyValues.length);
        return await(monitor.probe(spec(type, all)));
    }

    private String port() {
        return Integer.toString(agent.port());
    }
}
