package org.argusee.probe.control.dns;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;

/** What the DNS monitor tests share: probing a test server, asserting a failure, judging a reply's value. */
final class DnsChecks {

    /** A probe with {@code timeout: 1} must be over well before this. */
    static final Duration SHORT_WAIT = Duration.ofSeconds(6);

    private DnsChecks() {}

    /** Probes {@code type} on the server's port of 127.0.0.1 with the given parameters. */
    static Reply probe(Monitor monitor, DnsServer server, String type, String... keyValues) {
        String[] all = new String[keyValues.length + 2];
        all[0] = "port";
        all[1] = server.portText();
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        return await(monitor.probe(spec(type, all)), SHORT_WAIT);
    }

    static void assertFailed(String reason, Reply r) {
        assertFalse(r.ok(), () -> "expected " + reason + ", got ok with " + r.value());
        assertEquals(reason, r.reason());
        assertNull(r.value());
    }

    /** The verdict of the result checks given as key/value pairs on the reply, as the status board makes it. */
    static Verdict judge(Reply reply, String... keyValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return ResultEvaluator.evaluate(params, reply, EvalState.EMPTY, Instant.now());
    }
}
