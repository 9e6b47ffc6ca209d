package org.argusee.probe.control.udp;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.argusee.probe.control.ProbeSpec;

/**
 * {@code UDP/NTP}: an NTPv3 client request (mode 3). A server answers in mode 4 and copies our transmit
 * timestamp into its originate field, which is NTP's way of matching answers to requests; our timestamp is
 * random rather than the clock because only the match matters. The value is the raw 48 bytes, which configs
 * take apart with {@code unpack} (stratum is {@code xC}, root dispersion {@code x8N}); {@code UDP/NTP/Stratum} and
 * {@code UDP/NTP/Dispersion}, the original's two built-ins that do it for them, give that figure
 * ({@link Figure}).
 */
final class NtpProtocol implements UdpProtocol {

    private static final int SIZE = 48;
    private static final int ORIGINATE = 24;
    private static final int TRANSMIT = 40;
    private static final int STAMP = 8;
    private static final byte CLIENT_V3 = 0x1b; // leap 0, version 3, mode 3
    private static final int MODE_SERVER = 4;
    private static final int STRATUM = 1;
    private static final int DISPERSION = 8;
    /** The original's {@code scale} of root dispersion, NTP's 16.16 fixed point, to seconds. */
    private static final BigDecimal FIXED_POINT = BigDecimal.valueOf(65536);

    /**
     * What the value is: the raw reply, or the figure the original's {@code NTP/Stratum} ({@code unpack: xC}) and
     * {@code NTP/Dispersion} ({@code unpack: x8N}, {@code scale: 65536}) took out of it.
     */
    enum Figure {
        RAW,
        STRATUM,
        DISPERSION
    }

    private final Figure figure;

    NtpProtocol(Figure figure) {
        this.figure = figure;
    }

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

    @Override
    public String value(byte[] reply) {
        return switch (figure) {
            case RAW -> UdpProtocol.super.value(reply);
            case STRATUM -> Integer.toString(reply[STRATUM] & 0xff);
            case DISPERSION ->
                new BigDecimal(Integer.toUnsignedLong(
                                ByteBuffer.wrap(reply, DISPERSION, 4).getInt()))
                        .divide(FIXED_POINT) // exact: a power of two
                        .stripTrailingZeros()
                        .toPlainString();
        };
    }
}
