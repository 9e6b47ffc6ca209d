package org.argusee.probe.control.udp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.argusee.probe.control.ProbeSpec;

/**
 * {@code UDP/RADIUS}: an Access-Request for a user that does not exist, with a password the server cannot
 * decrypt (Argus has no shared secret parameter). A live server answers Access-Reject (or Accept, Challenge),
 * and any of those means up. Status-Server would be politer but servers drop it without a
 * Message-Authenticator, which needs the secret. The reply's authenticator is not verified, for the same reason.
 */
final class RadiusProtocol implements UdpProtocol {

    private static final int ACCESS_REQUEST = 1;
    private static final int ACCESS_ACCEPT = 2;
    private static final int ACCESS_REJECT = 3;
    private static final int ACCESS_CHALLENGE = 11;
    private static final int USER_NAME = 1;
    private static final int USER_PASSWORD = 2;
    private static final int HEADER = 20;
    private static final byte[] USER = "argus-probe".getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] request(ProbeSpec spec) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] authenticator = new byte[16];
        byte[] password = new byte[16];
        random.nextBytes(authenticator);
        random.nextBytes(password);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(ACCESS_REQUEST);
        b.write(random.nextInt(256));
        int length = HEADER + 2 + USER.length + 2 + password.length;
        b.write(length >> 8);
        b.write(length & 0xff);
        b.writeBytes(authenticator);
        attribute(b, USER_NAME, USER);
        attribute(b, USER_PASSWORD, password);
        return b.toByteArray();
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        if (reply.length < HEADER) {
            return Answer.bad("bad RADIUS response");
        }
        if (reply[1] != request[1]) {
            return Answer.NOT_OURS;
        }
        int code = reply[0] & 0xff;
        return code == ACCESS_ACCEPT || code == ACCESS_REJECT || code == ACCESS_CHALLENGE
                ? Answer.MATCH
                : Answer.bad("bad RADIUS response");
    }

    private static void attribute(ByteArrayOutputStream b, int type, byte[] value) {
        b.write(type);
        b.write(2 + value.length);
        b.writeBytes(value);
    }
}
