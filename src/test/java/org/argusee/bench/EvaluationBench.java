package org.argusee.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.RawResult;
import org.argusee.status.control.evaluation.ReplyRules;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;

/**
 * Issue 17: the CPU of judging one reply, with the service's parameters parsed at every reply (as before) and
 * parsed once ({@link ReplyRules}, as the status board now does). Services shaped like a probed site's: about 25
 * effective parameters, of which pluck, calc and a few value tests are the evaluator's. Single-threaded, no
 * sockets; logs the figures, asserts nothing. Arguments: services (default 2,000), replies each per round (10),
 * rounds (7).
 */
public final class EvaluationBench {

    private static final Logger LOG = Logger.getLogger(EvaluationBench.class.getName());

    record Reply(boolean ok, String value, String reason, Duration elapsed) implements RawResult {}

    private EvaluationBench() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Map<String, String>[] params = params(services);
        ReplyRules[] rules = new ReplyRules[services];
        for (int s = 0; s < services; s++) {
            rules[s] = ReplyRules.of(params[s]);
        }
        long[] fresh = new long[rounds];
        long[] cached = new long[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            sink += run(params, null, replies);
            fresh[r] = System.nanoTime() - start;
            start = System.nanoTime();
            sink += run(params, rules, replies);
            cached[r] = System.nanoTime() - start;
        }
        double n = (double) services * replies;
        Arrays.sort(fresh);
        Arrays.sort(cached);
        LOG.info(String.format(
                Locale.ROOT,
                "services=%d replies/round=%d rounds=%d per reply: parsed each time median %.0f ns best %.0f ns;"
                        + " parsed once median %.0f ns best %.0f ns (downs seen %d)",
                services,
                (long) n,
                rounds,
                fresh[rounds / 2] / n,
                fresh[0] / n,
                cached[rounds / 2] / n,
                cached[0] / n,
                sink));
    }

    /** Every service judged {@code replies} times in a row, its calc state carried over; counts the downs. */
    private static long run(Map<String, String>[] params, ReplyRules[] rules, int replies) {
        long downs = 0;
        Instant t0 = Instant.parse("2026-12-06T00:00:00Z");
        for (int s = 0; s < params.length; s++) {
            EvalState state = EvalState.EMPTY;
            for (int i = 0; i < replies; i++) {
                Reply reply = new Reply(true, "load=" + (s + i * 7) % 100 + " ok", null, Duration.ofMillis(2));
                Instant now = t0.plusSeconds(60L * i);
                Verdict v = rules == null
                        ? ResultEvaluator.evaluate(params[s], reply, state, now, null)
                        : ResultEvaluator.evaluate(rules[s], reply, state, now, null);
                state = v.next();
                downs += v.up() ? 0 : 1;
            }
        }
        return downs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] params(int services) {
        Map<String, String>[] all = new Map[services];
        for (int s = 0; s < services; s++) {
            Map<String, String> p = new HashMap<>();
            for (int k = 0; k < 18; k++) {
                p.put("inherited_" + k, "value " + k); // labels, notify, schedules: what the evaluator skips
            }
            p.put("frequency", "60");
            p.put("retries", "2");
            p.put("port", String.valueOf(1000 + s % 10));
            p.put("pluck", "load=(\\d+)");
            p.put("calc", s % 2 == 0 ? "ave" : "one");
            p.put("maxvalue", "95");
            p.put("maxvalue.warning", "80");
            p.put("expect.minor", "\\d");
            all[s] = p;
        }
        return all;
    }
}
