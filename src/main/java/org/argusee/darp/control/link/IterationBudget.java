package org.argusee.darp.control.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.argusee.darp.control.ScramProof;

/**
 * What a slave spends on the PBKDF2 iteration count its master's challenge asks for (issue 15, finding 2). The
 * count comes from whoever answers at the master's URL, so it is bounded: below {@link #MIN} a fake master could
 * collect a proof to guess the secret offline cheaply, above {@link #MAX} it could burn the slave's CPU for hours.
 *
 * <p>SCRAM cannot let the master prove itself before the slave derives its keys: the master's proof is keyed by
 * the ServerKey, which comes out of that very derivation. So the slave keeps the keys of the last salt and count it
 * derived, and of the last one a master proved itself with, and derives afresh up to {@link #MODEST} iterations
 * freely, above it at most once per {@link #UNPROVEN_WAIT} for a salt and count no master has proved itself with.
 * A real master's salt and count are stable, so it costs one derivation per slave start; a fake one that changes
 * its salt to make the slave work gets one derivation in ten minutes.
 */
final class IterationBudget {

    static final int MIN = 4_096;
    static final int MAX = 1_000_000;
    /** About a tenth of a second of PBKDF2-HMAC-SHA-256 on a small machine. */
    static final int MODEST = 100_000;

    static final Duration UNPROVEN_WAIT = Duration.ofMinutes(10);

    private record Pair(String salt, int iterations) {}

    private record Derived(Pair pair, ScramProof.Keys keys) {}

    private Derived proven;
    private Derived last;
    private Instant lastCostly;

    /** Why the slave will not derive keys for this salt and count now, or empty. */
    synchronized Optional<String> refusal(String salt, int iterations, Instant now) {
        if (iterations < MIN || iterations > MAX) {
            return Optional.of("the master's challenge asks for " + iterations + " PBKDF2 iterations, outside " + MIN
                    + " to " + MAX + ": refused (a master of this project uses 4096)");
        }
        Pair pair = new Pair(salt, iterations);
        if (iterations <= MODEST || known(pair) != null || lastCostly == null) {
            return Optional.empty();
        }
        Instant next = lastCostly.plus(UNPROVEN_WAIT);
        if (now.isBefore(next)) {
            return Optional.of("the master's challenge asks for " + iterations + " PBKDF2 iterations (over "
                    + MODEST + ") with a salt no master has proved itself with, and the last such derivation was "
                    + Duration.between(lastCostly, now).toSeconds() + " s ago: refused until "
                    + UNPROVEN_WAIT.toMinutes() + " minutes have passed");
        }
        return Optional.empty();
    }

    /** The keys for this salt and count: kept ones if known, else derived now (call {@link #refusal} first). */
    synchronized ScramProof.Keys keys(String salt, int iterations, Instant now, Supplier<ScramProof.Keys> derive) {
        Pair pair = new Pair(salt, iterations);
        Derived known = known(pair);
        if (known != null) {
            return known.keys();
        }
        if (iterations > MODEST) {
            lastCostly = now;
        }
        last = new Derived(pair, derive.get());
        return last.keys();
    }

    /** The master proved itself with this salt and count: its keys are kept and cost nothing next time. */
    synchronized void proven(String salt, int iterations) {
        Derived known = known(new Pair(salt, iterations));
        if (known != null) {
            proven = known;
        }
    }

    private Derived known(Pair pair) {
        if (proven != null && proven.pair().equals(pair)) {
            return proven;
        }
        return last != null && last.pair().equals(pair) ? last : null;
    }
}
