package org.argusee.status.control.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code calc} step, a pure function of the value, the previous state and the time. Counters follow the
 * original: a value below the previous one is a wrap-around of a 32-bit counter when the previous value was in
 * the upper half of its range (the difference is taken modulo 2^32), otherwise a reset or reboot, which gives no
 * answer this time; a difference over 100 times the previous one is taken as such a reset too unless
 * {@code spike_supress} is 0 (the new value is kept, so a real jump counts from the next probe on).
 */
final class Calc {

    enum Kind {
        VALUE,
        PENDING,
        FAILED
    }

    record Outcome(Kind kind, String text, Double number, String reason, EvalState next) {

        static Outcome value(String text, Double number, EvalState next) {
            return new Outcome(Kind.VALUE, text, number, null, next);
        }

        static Outcome pending(String reason, EvalState next) {
            return new Outcome(Kind.PENDING, null, null, reason, next);
        }

        static Outcome failed(String reason, EvalState unchanged) {
            return new Outcome(Kind.FAILED, null, null, reason, unchanged);
        }
    }

    private static final double HALF_32 = 0x7FFFFFFFL;
    private static final double MAX_32 = 0xFFFFFFFFL;
    private static final double SPIKE_FACTOR = 100;

    private Calc() {}

    static Outcome apply(
            CalcSpec spec, String value, Duration elapsed, EvalState state, EvalSettings settings, Instant now) {
        String text = spec.md5() ? md5(value) : value;
        if (!spec.numeric()) {
            return Outcome.value(text, Numbers.parse(text).orElse(null), state);
        }
        Optional<Double> parsed = spec.one()
                ? Optional.of(1.0)
                : spec.elapsed() ? Optional.of(elapsed.toNanos() / 1e9) : Numbers.parse(text);
        if (parsed.isEmpty()) {
            return Outcome.failed("calc: value '" + text + "' is not a number", state);
        }
        double v = parsed.get();
        EvalState next = state;
        if (spec.counter()) {
            Outcome counted = counter(spec, v, state, settings, now);
            if (counted.kind() != Kind.VALUE) {
                return counted;
            }
            v = counted.number();
            next = counted.next();
        }
        if (spec.averaging()) {
            double input = v;
            double ave = next.average() == null || stale(next.averageTime(), settings, now) ? v : next.average();
            v = (settings.alpha() * ave + v) / (settings.alpha() + 1);
            next = next.withAverage(v, now);
            if (spec.jitter()) {
                v = Math.abs(v - input);
            }
        }
        if (spec.bits()) {
            v *= 8;
        }
        if (spec.inet()) {
            long address = ((long) v) & 0xFFFFFFFFL;
            String dotted = (address >> 24) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                    + (address & 255);
            return Outcome.value(dotted, null, next);
        }
        String shown = Numbers.sigfigs(v, settings.sigfigs());
        return Outcome.value(shown, Double.parseDouble(shown), next);
    }

    private static Outcome counter(CalcSpec spec, double v, EvalState state, EvalSettings settings, Instant now) {
        Double last = state.lastValue();
        if (last == null || state.lastTime() == null) {
            return Outcome.pending(
                    "no result yet: first sample for " + (spec.rate() ? "rate" : "delta"),
                    state.withCounter(v, null, now));
        }
        Duration since = Duration.between(state.lastTime(), now);
        if (since.compareTo(Duration.ofSeconds(1)) < 0) {
            return Outcome.pending("no result: too soon after the previous sample", state);
        }
        Double delta;
        String noAnswer = null;
        if (v >= last) {
            delta = v - last;
        } else if (last < HALF_32) {
            delta = null;
            noAnswer = "no result: counter went down, reset assumed";
        } else {
            delta = MAX_32 - last + v + 1;
        }
        Double lastDelta = state.lastDelta();
        if (delta != null
                && lastDelta != null
                && lastDelta != 0
                && delta > lastDelta * SPIKE_FACTOR
                && settings.spikeSuppress()) {
            noAnswer = "no result: spike suppressed (" + Numbers.format(delta) + ")";
        }
        EvalState next = state.withCounter(v, delta, now);
        if (noAnswer != null) {
            return Outcome.pending(noAnswer, next);
        }
        double result = spec.rate() ? delta / (since.toNanos() / 1e9) : delta;
        return Outcome.value(null, result, next);
    }

    /** The original restarts the average when it was last fed more than 3 x frequency x alpha ago. */
    private static boolean stale(Instant averageTime, EvalSettings settings, Instant now) {
        if (averageTime == null) {
            return true;
        }
        double limit = 3 * settings.frequencySeconds() * settings.alpha();
        return Duration.between(averageTime, now).toNanos() / 1e9 > limit;
    }

    private static String md5(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
