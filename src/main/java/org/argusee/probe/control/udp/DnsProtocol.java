package org.argusee.probe.control.udp;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.argusee.probe.control.ProbeSpec;

/**
 * {@code UDP/DNS}: asks for the NS records of the root zone, which every DNS server can answer in some way.
 * Any well-formed response with our id means the server is up, whatever its rcode (REFUSED included): the
 * server answered. Queries for names and record types are the DNS monitor's job.
 */
final class DnsProtocol implements UdpProtocol {

    private static final int HEADER = 12;
    private static final int QR = 0x8000;
    private static final int RD = 0x0100;
    private static final int TYPE_NS = 2;
    private static final int CLASS_IN = 1;

    @Override
    public byte[] request(ProbeSpec spec) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + 5);
        b.putShort((short) ThreadLocalRandom.current().nextInt(0x10000));
        b.putShort((short) RD);
        b.putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.put((byte) 0); // the root name: one empty label
        b.putShort((short) TYPE_NS).putShort((short) CLASS_IN);
        return b.array();
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        if (reply.length < HEADER) {
            return Answer.bad("bad DNS response");
        }
        ByteBuffer r = ByteBuffer.wrap(reply);
        if (r.getShort(0) != ByteBuffer.wrap(request).getShort(0)) {
            return Answer.NOT_OURS;
        }
        int flags = r.getShort(2) & 0xffff;
        int opcode = (flags >> 11) & 0xf;
        return (flags & QR) != 0 && opcode == 0 ? Answer.MATCH : Answer.bad("bad DNS response");
    }
}
