package org.argusee.probe.control.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * One DNS probe on the {@link NetLoop}: the request over UDP (or TCP), the response checked the way a resolver
 * checks it, then judged by the service's {@link DnsTest}. dnsjava builds and parses the messages; the sockets
 * are the loop's, so a DNS probe costs no thread and keeps the same deadline as every other probe.
 *
 * <p>Over UDP a datagram that is not the answer to our request (another id, another question) is ignored and
 * the probe keeps waiting, as a resolver does with stray or spoofed answers. A truncated UDP answer is asked
 * again over TCP when the test looks at the records, within the same timeout.
 */
final class DnsExchange extends Exchange {

    private static final String BAD = "bad DNS response";

    private final DnsQuery query;
    private final Message request;
    private final byte[] wire;
    private InetSocketAddress target;
    private DnsLeg leg;

    DnsExchange(NetLoop loop, ProbeSpec spec, DnsQuery query) {
        super(loop, spec);
        this.query = query;
        request = query.message();
        wire = request.toWire();
    }

    @Override
    protected void begin(InetSocketAddress to) throws IOException {
        target = to;
        leg = query.tcp() ? new DnsTcpLeg(this, wire) : new DnsUdpLeg(this, wire);
        leg.open(to);
    }

    @Override
    protected void ready(SelectionKey key) throws IOException {
        leg.ready(key);
    }

    @Override
    protected String timeoutReason() {
        return "timeout";
    }

    // The legs are not exchanges: they reach the loop and this exchange's channel and outcome through these,
    // as Exchange keeps those for its subclasses.

    <C extends SelectableChannel> C legOwns(C channel) {
        return own(channel);
    }

    void legFailed(String reason) {
        fail(reason);
    }

    boolean legDone() {
        return isDone();
    }

    NetLoop legLoop() {
        return loop;
    }

    /** A whole message from the server over {@code from}. Loop thread. */
    void received(byte[] message, DnsLeg from) throws IOException {
        boolean udp = from instanceof DnsUdpLeg;
        if (message.length < Header.LENGTH) {
            fail(BAD);
            return;
        }
        int id = ((message[0] & 0xff) << 8) | (message[1] & 0xff);
        if (id != request.getHeader().getID()) {
            notOurs(udp);
            return;
        }
        Message response;
        try {
            response = new Message(message);
        } catch (IOException e) {
            fail(BAD);
            return;
        }
        Header h = response.getHeader();
        if (!h.getFlag(Flags.QR) || h.getOpcode() != request.getHeader().getOpcode()) {
            fail(BAD); // our own query echoed back, or an answer to something else
        } else if (!sameQuestion(response)) {
            notOurs(udp);
        } else if (udp && h.getFlag(Flags.TC) && query.test().needsWholeAnswer()) {
            from.close();
            leg = new DnsTcpLeg(this, wire);
            leg.open(target);
        } else {
            finish(query.test().judge(response, elapsed()));
        }
    }

    /** Over TCP the connection is ours alone, so a message for another request is a broken server. */
    private void notOurs(boolean udp) {
        if (!udp) {
            fail(BAD);
        }
    }

    /** A response without a question (some servers drop it from errors) is taken as answering ours. */
    private boolean sameQuestion(Message response) {
        Record asked = request.getQuestion();
        Record answered = response.getQuestion();
        return asked == null
                || answered == null
                || asked.getName().equals(answered.getName())
                        && asked.getType() == answered.getType()
                        && asked.getDClass() == answered.getDClass();
    }
}
