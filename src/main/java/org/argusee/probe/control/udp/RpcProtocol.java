package org.argusee.probe.control.udp;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.argusee.probe.control.ProbeSpec;

/**
 * {@code UDP/Portmap} and {@code UDP/NFS}: the NULL procedure of an ONC RPC program (RFC 5531), which every RPC
 * server implements to answer "I am here". The xid matches reply to call.
 *
 * <p>When the service names its version ({@code Portmap3}, {@code NFSv3}) only an accepted, successful call is
 * up. When it does not, a version mismatch is up too: the program is there, just not speaking our version
 * (current NFS servers have dropped version 2).
 */
final class RpcProtocol implements UdpProtocol {

    static final int PORTMAP = 100000;
    static final int NFS = 100003;
    private static final int CALL = 0;
    private static final int REPLY = 1;
    private static final int RPC_VERSION = 2;
    private static final int MSG_ACCEPTED = 0;
    private static final int SUCCESS = 0;
    private static final int PROG_UNAVAIL = 1;
    private static final int PROG_MISMATCH = 2;

    private final int program;
    private final int version;
    private final boolean versionNamed;

    RpcProtocol(int program, int version, boolean versionNamed) {
        this.program = program;
        this.version = version;
        this.versionNamed = versionNamed;
    }

    @Override
    public byte[] request(ProbeSpec spec) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(ThreadLocalRandom.current().nextInt());
        b.putInt(CALL).putInt(RPC_VERSION).putInt(program).putInt(version).putInt(0);
        b.putInt(0).putInt(0); // credentials: AUTH_NONE, empty
        b.putInt(0).putInt(0); // verifier: AUTH_NONE, empty
        return b.array();
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        if (reply.length < 12) {
            return Answer.bad("bad RPC response");
        }
        ByteBuffer r = ByteBuffer.wrap(reply);
        if (r.getInt(0) != ByteBuffer.wrap(request).getInt(0)) {
            return Answer.NOT_OURS;
        }
        if (r.getInt(4) != REPLY) {
            return Answer.bad("bad RPC response");
        }
        if (r.getInt(8) != MSG_ACCEPTED) {
            return Answer.bad("RPC call denied");
        }
        if (reply.length < 24) {
            return Answer.bad("bad RPC response");
        }
        int verifierLength = r.getInt(16);
        int at = 20 + ((verifierLength + 3) & ~3);
        if (verifierLength < 0 || reply.length < at + 4) {
            return Answer.bad("bad RPC response");
        }
        return switch (r.getInt(at)) {
            case SUCCESS -> Answer.MATCH;
            case PROG_MISMATCH -> versionNamed ? Answer.bad("RPC version " + version + " not offered") : Answer.MATCH;
            case PROG_UNAVAIL -> Answer.bad("RPC program unavailable");
            default -> Answer.bad("RPC error");
        };
    }
}
