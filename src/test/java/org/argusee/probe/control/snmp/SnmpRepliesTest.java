package org.argusee.probe.control.snmp;

import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.argusee.probe.control.Reply;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.VariableBinding;

/**
 * Answers as replies, for what the test agent cannot produce: reports an SNMP4J agent does not send (another
 * agent's engine id), error statuses other than noSuchName, answers for another OID.
 */
class SnmpRepliesTest {

    private static final SnmpSettings SYS_DESCR = SnmpSettings.of(spec("UDP/SNMPv2c", "oid", "sysDescr.0"));
    private static final Duration NOW = Duration.ofMillis(5);

    @Test
    void reportsAreSaidInWords() {
        assertEquals(
                "unknown engine id",
                report(SnmpConstants.usmStatsUnknownEngineIDs).reason());
        assertEquals(
                "authentication failure",
                report(SnmpConstants.usmStatsWrongDigests).reason());
        assertEquals(
                "decryption error",
                report(SnmpConstants.usmStatsDecryptionErrors).reason());
        assertEquals(
                "not in time window",
                report(SnmpConstants.usmStatsNotInTimeWindows).reason());
        assertEquals(
                "unknown context", report(SnmpConstants.snmpUnknownContexts).reason());
        assertEquals(
                "authentication failure",
                report(new OID("1.3.6.1.6.3.15.1.1.5")).reason(),
                "without .0");
        assertEquals(
                "SNMP report 1.3.6.1.4.1.1.2.0",
                report(new OID("1.3.6.1.4.1.1.2.0")).reason());
    }

    @Test
    void errorStatusesByTheirRfcNames() {
        PDU tooBig = response(new VariableBinding(new OID("1.3.6.1.2.1.1.1.0")));
        tooBig.setErrorStatus(PDU.tooBig);
        assertEquals("tooBig", SnmpReplies.of(SYS_DESCR, tooBig, NOW).reason());
        tooBig.setErrorStatus(PDU.genErr);
        assertEquals("genErr", SnmpReplies.of(SYS_DESCR, tooBig, NOW).reason());
    }

    @Test
    void aValueForAnotherOidIsABadResponse() {
        Reply r = SnmpReplies.of(
                SYS_DESCR, response(new VariableBinding(new OID("1.3.6.1.2.1.1.5.0"), new OctetString("x"))), NOW);
        assertEquals("bad SNMP response: not the value of 1.3.6.1.2.1.1.1.0", r.reason());
    }

    @Test
    void noAnswerIsATimeout() {
        Reply r = SnmpReplies.of(SYS_DESCR, null, NOW);
        assertFalse(r.ok());
        assertEquals("timeout", r.reason());
    }

    @Test
    void numbersAreDecimal() {
        assertEquals("4294967295", SnmpReplies.text(new Counter32(4294967295L)));
        assertEquals("7", SnmpReplies.text(new Gauge32(7)));
        assertEquals("8640000", SnmpReplies.text(new TimeTicks(8_640_000)), "one day in hundredths of a second");
        assertEquals("12", SnmpReplies.text(new UnsignedInteger32(12)));
        assertEquals("", SnmpReplies.text(Null.instance));
    }

    @Test
    void theLivenessTestIsUpWithAnyResponse() {
        SnmpSettings alive = SnmpSettings.of(spec("UDP/SNMP"));
        PDU error = response(new VariableBinding(SnmpSettings.SYS_UP_TIME));
        error.setErrorStatus(PDU.genErr);
        assertTrue(SnmpReplies.of(alive, error, NOW).ok());
        assertEquals(
                "authentication failure",
                SnmpReplies.of(alive, reportPdu(SnmpConstants.usmStatsWrongDigests), NOW)
                        .reason(),
                "a report is no answer to the get");
    }

    private static Reply report(OID counter) {
        return SnmpReplies.of(SYS_DESCR, reportPdu(counter), NOW);
    }

    private static PDU reportPdu(OID counter) {
        ScopedPDU pdu = new ScopedPDU();
        pdu.setType(PDU.REPORT);
        pdu.add(new VariableBinding(counter, new Counter32(1)));
        return pdu;
    }

    private static PDU response(VariableBinding binding) {
        PDU pdu = new PDU();
        pdu.setType(PDU.RESPONSE);
        pdu.add(binding);
        return pdu;
    }
}
