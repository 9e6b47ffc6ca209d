package org.argusee.probe.control.udp;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.argusee.probe.control.ProbeSpec;

/**
 * {@code UDP/NTP}: an NTPv3 client request (mode 3). A server answers in mode 4 and copies our transmit
 * timestamp into its originate field, which is NTP's way of matching answers to requests; our timestamp is
 * random rather than the clock because only the match matters. The value is the raw 48 bytes, which configs
 * take apart with {@code unpack} (stratum is {@code xC}, root dispersion {@code x8N}).
 */
final class NtpProtocol implements UdpProtocol {

    private static final int SIZE = 48;
    private static final int ORIGINATE = 24;
    private static final int TRANSMIT = 40;
    private static final int STAMP = 8;
    private static final byte CLIENT_V3 = 0x1b; // leap 0, version 3, mode 3
    private static final int MODE_SERVER = 4;

    @Override
    public byte[] request(ProbeSpec spec) {
        byte[] b = new byte[SIZE];
        b[0] = CLIENT_V3;
        byte[] stamp = new byte[STAMP];
        ThreadLocalRandom.current().nextBytes(stamp);
        System.arraycopy(stamp, 0, b, TRANSMIT, STAMP);
        return b;
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        if (reply.length < SIZE) {
            return Answer.bad("bad NTP response");
        }
        if (!Arrays.equals(reply, ORIGINATE, ORIGINATE + STAMP, request, TRANSMIT, TRANSMIT + STAMP)) {
            return Answer.NOT_OURS;
        }
        return (reply[0] & 0x7) == MODE_SERVER ? Answer.MATCH : Answer.bad("bad NTP response");
    }
}
