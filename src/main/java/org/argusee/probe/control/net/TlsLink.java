package org.argusee.probe.control.net;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.argusee.probe.control.ProbeFailure;

/**
 * TLS on one non-blocking socket of the {@link NetLoop}: an {@link SSLEngine} between an exchange and its
 * channel. The exchange calls in when the selector says the channel is ready; nothing here ever waits. Loop
 * thread only.
 *
 * <p>{@code netIn} holds bytes received and not yet unwrapped (a record may arrive in pieces, or several in one
 * read); {@code netOut} holds bytes wrapped and not yet sent, kept ready to drain. Plain text goes straight into
 * the caller's buffer, so a probe in flight costs two packet buffers (about 34 KiB).
 */
public final class TlsLink {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final int packetSize;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    /** Plain text that came in the handshake's last flight (a POPS greeting right behind the Finished). */
    private ByteBuffer early;

    public TlsLink(SSLEngine engine, SocketChannel channel) throws SSLException {
        this.engine = engine;
        this.channel = channel;
        packetSize = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packetSize);
        netOut = ByteBuffer.allocate(packetSize).flip();
        engine.beginHandshake();
    }

    /** A failed handshake in plain words: the JDK's own message, but for the common case of a plain server. */
    public static String handshakeFailure(IOException e) {
        String reason = ProbeFailure.reasonOf(e);
        if (reason.contains("plaintext") || reason.contains("unrecognized ssl message")) {
            reason = "the server does not speak TLS";
        }
        return "TLS handshake failed: " + reason;
    }

    /** Room a plain text buffer needs for one whole record. */
    int recordSize() {
        return engine.getSession().getApplicationBufferSize();
    }

    /**
     * Takes the handshake as far as the network allows now.
     *
     * @param scratch room for a record, in case plain text arrives with the last handshake flight
     * @return the selection ops to wait for, or 0 when the handshake is complete
     */
    public int handshake(ByteBuffer scratch) throws IOException {
        while (true) {
            if (!flush()) {
                return SelectionKey.OP_WRITE;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    if (wrap(EMPTY).getStatus() == Status.CLOSED) {
                        throw new EOFException("connection closed");
                    }
                }
                case NEED_TASK -> runTasks();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    int before = scratch.position();
                    Status status = unwrap(scratch).getStatus();
                    keepEarly(scratch, before);
                    if (status == Status.CLOSED) {
                        throw new EOFException("connection closed");
                    }
                    if (status == Status.BUFFER_UNDERFLOW) {
                        int n = fill();
                        if (n < 0) {
                            throw new EOFException("connection closed");
                        }
                        if (n == 0) {
                            return SelectionKey.OP_READ;
                        }
                    }
                }
                default -> {
                    return 0;
                }
            }
        }
    }

    /**
     * Unwraps what has arrived into {@code dst}, which must have room for {@link #recordSize()}.
     *
     * @return bytes of plain text added; 0 when the rest has yet to come; -1 at the end (the server's
     *         close_notify, or the connection closed without one, which is common and not an error here)
     */
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        takeEarly(dst);
        while (dst.remaining() >= recordSize()) {
            SSLEngineResult r = unwrap(dst);
            boolean acted = afterUnwrap(r.getHandshakeStatus());
            if (r.getStatus() == Status.CLOSED) {
                return ended(dst, start);
            }
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                break;
            }
            if (r.getStatus() == Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0 && !acted) {
                int n = fill();
                if (n < 0) {
                    return ended(dst, start);
                }
                if (n == 0) {
                    break;
                }
            }
        }
        return dst.position() - start;
    }

    /** Wraps and sends what the network takes now; true when all of {@code src} and earlier output has gone. */
    public boolean write(ByteBuffer src) throws IOException {
        while (flush()) {
            if (!src.hasRemaining()) {
                return true;
            }
            if (wrap(src).getStatus() == Status.CLOSED) {
                throw new EOFException("connection closed");
            }
        }
        return false;
    }

    /** Sends what is wrapped and waiting; true when nothing is left. */
    public boolean flush() throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    public boolean pendingOutput() {
        return netOut.hasRemaining();
    }

    /** The server's own certificate, null if it sent none. */
    public X509Certificate peerCertificate() {
        try {
            Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Says goodbye (close_notify) if the socket takes it at once; the probe's outcome does not depend on it. */
    public void closeQuietly() {
        engine.closeOutbound();
        try {
            wrap(EMPTY);
            flush();
        } catch (IOException e) {
            // the channel is closed next anyway
        }
    }

    /** Work the handshake asks for after a record (a key update, a renegotiation); true if there was any. */
    private boolean afterUnwrap(HandshakeStatus status) throws IOException {
        boolean acted = false;
        HandshakeStatus hs = status;
        while (hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else {
                wrap(EMPTY);
            }
            acted = true;
            hs = engine.getHandshakeStatus();
        }
        if (acted) {
            flush(); // the rest, if any, goes when the exchange sees the channel writable
        }
        return acted;
    }

    private SSLEngineResult unwrap(ByteBuffer dst) throws SSLException {
        netIn.flip();
        try {
            return engine.unwrap(netIn, dst);
        } finally {
            netIn.compact();
        }
    }

    private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
        while (true) {
            netOut.compact();
            SSLEngineResult r;
            try {
                r = engine.wrap(src, netOut);
            } finally {
                netOut.flip();
            }
            if (r.getStatus() != Status.BUFFER_OVERFLOW) {
                return r;
            }
            // output still waiting leaves less than a packet of room: make room rather than wait
            ByteBuffer bigger = ByteBuffer.allocate(netOut.remaining() + packetSize);
            netOut = bigger.put(netOut).flip();
        }
    }

    /** Reads from the socket into {@code netIn}; the channel's count, -1 at its end. */
    private int fill() throws IOException {
        if (!netIn.hasRemaining()) {
            if (netIn.capacity() >= 4 * packetSize) {
                throw new SSLException("TLS record too large");
            }
            netIn = ByteBuffer.allocate(netIn.capacity() + packetSize).put(netIn.flip());
        }
        return channel.read(netIn);
    }

    /** Signature checks and key agreement: short CPU work, run on the loop like the rest of the probe. */
    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private void keepEarly(ByteBuffer scratch, int before) {
        int n = scratch.position() - before;
        if (n > 0) {
            ByteBuffer got = scratch.duplicate().flip().position(before);
            ByteBuffer all = ByteBuffer.allocate((early == null ? 0 : early.position()) + n);
            if (early != null) {
                all.put(early.flip());
            }
            early = all.put(got);
            scratch.position(before);
        }
    }

    private void takeEarly(ByteBuffer dst) {
        if (early != null) {
            early.flip();
            int n = Math.min(early.remaining(), dst.remaining());
            dst.put(early.slice().limit(n));
            early.position(early.position() + n);
            early = early.hasRemaining() ? early.compact() : null;
        }
    }

    private static int ended(ByteBuffer dst, int start) {
        int n = dst.position() - start;
        return n > 0 ? n : -1;
    }
}
