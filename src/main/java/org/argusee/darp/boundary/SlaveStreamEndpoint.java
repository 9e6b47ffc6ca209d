package org.argusee.darp.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.argusee.darp.control.master.SlaveConversation;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.StreamSeal;
import org.argusee.platform.control.SteadyClock;

/**
 * The master's end of one slave's stream: hands texts to its {@link SlaveConversation}. Made per connection by
 * {@link DarpStreamServlet}, which knows the caller's address (the WebSocket API does not tell it).
 */
public class SlaveStreamEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(SlaveStreamEndpoint.class.getName());

    private final SlaveStreams streams;
    private final StreamGate gate;
    private final String address;
    /** Whether this socket still counts as waiting for its hello in the {@link StreamGate}. */
    private final AtomicBoolean waiting = new AtomicBoolean(true);

    private SlaveSocket socket;
    /** Checks the slave's messages after its hello; set by the hello when its token is good. */
    private StreamSeal opener;

    private boolean first = true;
    private SlaveConversation conversation;

    SlaveStreamEndpoint(SlaveStreams streams, StreamGate gate, String address) {
        this.streams = streams;
        this.gate = gate;
        this.address = address;
    }

    /** Until the hello is accepted, a message may be a few KiB only: the socket is anybody's yet. */
    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(StreamGate.PRE_HELLO_TEXT);
        socket = new SlaveSocket(session, address);
        conversation = streams.open(socket);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> {
            String text = frame;
            if (first) {
                first = false;
                // a hello with a good token must carry that login's MAC as message 1, like every later message
                gate.sealFor(frame, address).ifPresent(s -> opener = s);
            }
            if (opener != null) {
                try {
                    text = opener.open(frame);
                } catch (BadMessage e) {
                    LOG.warning(() -> "DARP stream from " + address + " (slave '" + conversation.tag() + "'): "
                            + e.getMessage() + "; closed");
                    socket.close(SlaveConversation.UNAUTHORIZED, "bad MAC");
                    return;
                }
                socket.seal(opener);
                admitted(session); // before the welcome goes: the slave may send a big report batch right after it
            }
            conversation.received(text, SteadyClock.SYSTEM.instant()); // liveness: steady
            if (conversation.tag() != null) {
                admitted(session);
            }
        });
    }

    /**
     * The hello's token and MAC are good: full-size messages from now on. Raised before the hello is handed on (the
     * fuzzing run of issue 15 found it raised after the welcome was sent: a report batch over 4 KiB sent at once
     * could be read under the old limit and the stream closed 1009).
     */
    private void admitted(Session session) {
        if (waiting.compareAndSet(true, false)) {
            session.setMaxTextMessageBufferSize(Messages.MAX_TEXT);
            gate.release(address);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (waiting.compareAndSet(true, false)) {
            gate.release(address);
        }
        if (conversation != null) {
            streams.closed(
                    socket,
                    conversation,
                    "connection closed (" + reason.getCloseCode().getCode()
                            + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()) + ")");
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.fine(() -> "DARP stream from " + address + ": " + error);
    }
}
