package org.argusee.probe.control.snmp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.argusee.probe.control.Reply;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * An agent's answer as a {@link Reply}. The value is the variable as text for the result checks: numbers
 * (integers, counters, gauges, Counter64 unsigned, and TimeTicks as the count of hundredths of a second, the
 * raw number the original's own BER decoder gave) in decimal, so {@code calc: rate} and {@code minvalue} work;
 * strings as their bytes one char per byte (as every monitor here gives data, so {@code unpack} works on binary
 * ones); OIDs dotted; IP addresses dotted. An exception instead of a value ({@code noSuchObject},
 * {@code noSuchInstance}, {@code endOfMibView}), an error status ({@code noSuchName}...) or a report
 * ({@code authentication failure}...) fails the probe with that word.
 */
final class SnmpReplies {

    /** Error statuses by number, as RFC 3416 names them (SNMP4J's own texts are prose: "No such name"). */
    private static final List<String> ERRORS = List.of(
            "noError",
            "tooBig",
            "noSuchName",
            "badValue",
            "readOnly",
            "genErr",
            "noAccess",
            "wrongType",
            "wrongLength",
            "wrongEncoding",
            "wrongValue",
            "noCreation",
            "inconsistentValue",
            "resourceUnavailable",
            "commitFailed",
            "undoFailed",
            "authorizationError",
            "notWritable",
            "inconsistentName");

    private SnmpReplies() {}

    /**
     * @param answer a response or report; null when none came in time
     */
    static Reply of(SnmpSettings settings, PDU answer, Duration elapsed) {
        if (answer == null) {
            return Reply.failed("timeout", elapsed);
        }
        if (answer.getType() == PDU.REPORT) {
            String reason = answer.size() == 0
                    ? "SNMP report"
                    : SnmpSecurity.reportReason(answer.get(0).getOid());
            return Reply.failed(reason, elapsed);
        }
        if (answer.getType() != PDU.RESPONSE) {
            return Reply.failed("bad SNMP response", elapsed);
        }
        VariableBinding binding = answer.size() == 1 ? answer.get(0) : null;
        if (settings.oid() == null) {
            // the liveness test: an agent that answers is up, even with an error (a v1 agent without the object)
            boolean value = answer.getErrorStatus() == PDU.noError
                    && binding != null
                    && !binding.getVariable().isException();
            return Reply.ok(value ? text(binding.getVariable()) : null, elapsed);
        }
        if (answer.getErrorStatus() != PDU.noError) {
            int status = answer.getErrorStatus();
            return Reply.failed(
                    status > 0 && status < ERRORS.size() ? ERRORS.get(status) : "SNMP error " + status, elapsed);
        }
        if (binding == null || !settings.oid().equals(binding.getOid())) {
            return Reply.failed(
                    "bad SNMP response: not the value of " + settings.oid().toDottedString(), elapsed);
        }
        Variable variable = binding.getVariable();
        if (variable.isException()) {
            return Reply.failed(exception(variable.getSyntax()), elapsed);
        }
        return Reply.ok(text(variable), elapsed);
    }

    static String text(Variable v) {
        if (v instanceof Counter64 c) {
            return Long.toUnsignedString(c.getValue());
        }
        if (v instanceof Integer32 || v instanceof UnsignedInteger32) {
            return Long.toString(v.toLong()); // TimeTicks too: its toString is "1 day, 2:03:04.05"
        }
        if (v instanceof OctetString s) {
            return new String(s.getValue(), StandardCharsets.ISO_8859_1);
        }
        if (v instanceof OID oid) {
            return oid.toDottedString();
        }
        if (v instanceof IpAddress ip) {
            return ip.getInetAddress().getHostAddress();
        }
        return v.getSyntax() == SMIConstants.SYNTAX_NULL ? "" : v.toString();
    }

    private static String exception(int syntax) {
        return switch (syntax) {
            case SMIConstants.EXCEPTION_NO_SUCH_OBJECT -> "noSuchObject";
            case SMIConstants.EXCEPTION_NO_SUCH_INSTANCE -> "noSuchInstance";
            case SMIConstants.EXCEPTION_END_OF_MIB_VIEW -> "endOfMibView";
            default -> "SNMP exception " + syntax;
        };
    }
}
