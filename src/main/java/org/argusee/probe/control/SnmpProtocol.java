package org.argusee.probe.control;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code UDP/SNMP} as a liveness test: a get of sysUpTime.0 with the service's {@code community} (default
 * {@code public}). Any response PDU with our request id means the agent is up, error status included (a v1
 * agent without the object still answered). Getting named or numbered OIDs and their values is the SNMP
 * monitor's job.
 */
final class SnmpProtocol implements UdpProtocol {

    static final int V1 = 0;
    static final int V2C = 1;
    private static final int GET_REQUEST = 0xa0;
    private static final int RESPONSE = 0xa2;
    private static final byte[] SYS_UP_TIME = {0x2b, 6, 1, 2, 1, 1, 3, 0}; // 1.3.6.1.2.1.1.3.0

    private final int version;

    SnmpProtocol(int version) {
        this.version = version;
    }

    @Override
    public byte[] request(ProbeSpec spec) {
        byte[] community = spec.param("community").orElse("public").getBytes(StandardCharsets.ISO_8859_1);
        byte[] binding = Ber.tlv(Ber.SEQUENCE, Ber.tlv(Ber.OID, SYS_UP_TIME), Ber.tlv(Ber.NULL));
        byte[] pdu = Ber.tlv(GET_REQUEST, Ber.integer(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)),
                Ber.integer(0), Ber.integer(0), Ber.tlv(Ber.SEQUENCE, binding));
        return Ber.tlv(Ber.SEQUENCE, Ber.integer(version), Ber.tlv(Ber.OCTET_STRING, community), pdu);
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        try {
            int id = requestId(new Ber(request), GET_REQUEST);
            return requestId(new Ber(reply), RESPONSE) == id ? Answer.MATCH : Answer.NOT_OURS;
        } catch (IllegalArgumentException e) {
            return Answer.bad("bad SNMP response");
        }
    }

    private static int requestId(Ber message, int pduTag) {
        message.enter(Ber.SEQUENCE);
        message.readInt();
        message.skip(Ber.OCTET_STRING);
        message.enter(pduTag);
        return message.readInt();
    }
}
