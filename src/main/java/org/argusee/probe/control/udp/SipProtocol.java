package org.argusee.probe.control.udp;

import java.nio.charset.StandardCharsets;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.net.SipOptions;

/**
 * {@code UDP/SIP}: an OPTIONS request ({@link SipOptions}); any answer with our Call-ID (or none) is the answer, as
 * the original took any reply. The value is the answer's text, so {@code expect: SIP/2.0 200} tests the status.
 */
final class SipProtocol implements UdpProtocol {

    @Override
    public byte[] request(ProbeSpec spec) {
        return SipOptions.request("UDP", spec.hostname(), spec.params()).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public Answer check(byte[] request, byte[] reply) {
        String ours = SipOptions.callId(new String(request, StandardCharsets.ISO_8859_1));
        String theirs = SipOptions.callId(new String(reply, StandardCharsets.ISO_8859_1));
        return theirs == null || theirs.equals(ours) ? Answer.MATCH : Answer.NOT_OURS;
    }
}
