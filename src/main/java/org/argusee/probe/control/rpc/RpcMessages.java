package org.argusee.probe.control.rpc;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * ONC RPC messages (RFC 5531) as the RPC monitor needs them: a call with AUTH_NONE, the portmapper's GETPORT
 * (version 2, RFC 1833 section 3) and rpcbind's GETADDR (versions 3 and 4, section 2), and the reply's header.
 */
final class RpcMessages {

    static final int PORTMAPPER = 100000;
    static final int NULL_PROC = 0;
    /** PMAPPROC_GETPORT in version 2, RPCBPROC_GETADDR in 3 and 4: both procedure 3. */
    static final int LOOKUP_PROC = 3;

    static final int SUCCESS = 0;
    static final int PROG_UNAVAIL = 1;
    static final int PROG_MISMATCH = 2;

    private static final int CALL = 0;
    private static final int REPLY = 1;
    private static final int MSG_ACCEPTED = 0;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;

    /** A reply's accept status and its results, or why it is no answer to our call. */
    record Decoded(String problem, int acceptStat, ByteBuffer results) {}

    private RpcMessages() {}

    static byte[] call(int xid, int program, int version, int procedure, byte[] args) {
        ByteBuffer b = ByteBuffer.allocate(40 + args.length);
        b.putInt(xid).putInt(CALL).putInt(2).putInt(program).putInt(version).putInt(procedure);
        b.putInt(0).putInt(0); // credentials: AUTH_NONE, empty
        b.putInt(0).putInt(0); // verifier: AUTH_NONE, empty
        return b.put(args).array();
    }

    /** The lookup's arguments: a pmap for version 2, an rpcb with the netid for 3 and 4. */
    static byte[] lookupArgs(RpcTarget t, boolean tcp) {
        if (t.portmapVersion() == 2) {
            return ByteBuffer.allocate(16)
                    .putInt(t.program())
                    .putInt(t.version())
                    .putInt(tcp ? IPPROTO_TCP : IPPROTO_UDP)
                    .putInt(0)
                    .array();
        }
        byte[] netid = (tcp ? "tcp" : "udp").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + 4 + 4);
        b.putInt(t.program()).putInt(t.version());
        b.putInt(netid.length).put(netid).put((byte) 0); // opaque string, padded to four bytes
        b.putInt(0).putInt(0); // r_addr and r_owner: empty
        return b.array();
    }

    /**
     * The port the lookup's results name, 0 when the program is not registered. Version 2 answers a number;
     * 3 and 4 a universal address {@code h1.h2.h3.h4.p1.p2} (empty when not registered).
     *
     * @throws IllegalArgumentException when the results are malformed
     */
    static int lookedUpPort(ByteBuffer results, int portmapVersion) {
        try {
            if (portmapVersion == 2) {
                return results.getInt();
            }
            int length = results.getInt();
            if (length < 0 || length > results.remaining()) {
                throw new IllegalArgumentException("bad address length " + length);
            }
            byte[] text = new byte[length];
            results.get(text);
            String uaddr = new String(text, StandardCharsets.US_ASCII);
            if (uaddr.isEmpty()) {
                return 0;
            }
            String[] parts = uaddr.split("\\.");
            if (parts.length < 3) {
                throw new IllegalArgumentException("bad address '" + uaddr + "'");
            }
            return Integer.parseInt(parts[parts.length - 2]) * 256 + Integer.parseInt(parts[parts.length - 1]);
        } catch (BufferUnderflowException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed lookup result", e);
        }
    }

    /** The reply's header, checked against our call's xid. */
    static Decoded reply(byte[] reply, int xid) {
        ByteBuffer r = ByteBuffer.wrap(reply);
        try {
            if (r.getInt() != xid || r.getInt() != REPLY) {
                return new Decoded("returned garbage", -1, null);
            }
            if (r.getInt() != MSG_ACCEPTED) {
                return new Decoded("call denied", -1, null);
            }
            r.getInt(); // verifier flavour
            int verifierLength = r.getInt();
            if (verifierLength < 0 || verifierLength > r.remaining()) {
                return new Decoded("returned garbage", -1, null);
            }
            r.position(r.position() + ((verifierLength + 3) & ~3));
            return new Decoded(null, r.getInt(), r.slice());
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new Decoded("returned garbage", -1, null);
        }
    }
}
