package org.argusee.probe.control.udp;

import java.nio.charset.StandardCharsets;
import org.argusee.probe.control.ProbeSpec;

/**
 * The request a UDP application sends and how it recognises the answer. Implementations are stateless: the
 * request carries the random id, and the check compares the reply against it.
 */
public interface UdpProtocol {

    byte[] request(ProbeSpec spec);

    Answer check(byte[] request, byte[] reply);

    /** The probe's value from an answer that matched: the bytes as ISO-8859-1 text, one char a byte. */
    default String value(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }

    /** What a datagram from the target is to the probe. */
    enum Outcome {
        /** The answer to our request. */
        MATCH,
        /** Not an answer to this request (another id): ignored, the probe keeps waiting, as a resolver does. */
        NOT_OURS,
        /** An answer that breaks the protocol: the service is down. */
        BAD
    }

    record Answer(Outcome outcome, String reason) {

        public static final Answer MATCH = new Answer(Outcome.MATCH, "OK");
        public static final Answer NOT_OURS = new Answer(Outcome.NOT_OURS, "not ours");

        public static Answer bad(String reason) {
            return new Answer(Outcome.BAD, reason);
        }
    }

    /** Generic {@code UDP}, or any application with {@code send}: the datagram as given, any reply answers. */
    static UdpProtocol sending(byte[] payload) {
        return new UdpProtocol() {
            @Override
            public byte[] request(ProbeSpec spec) {
                return payload.clone();
            }

            @Override
            public Answer check(byte[] request, byte[] reply) {
                return Answer.MATCH;
            }
        };
    }
}
