package org.argusee.status.control.evaluation;

import java.time.Duration;

/**
 * What one probe saw, before anything is made of it: the port through which the probe component hands its
 * replies down to status (the probe's {@code Reply} is one). Status owns it because judging a result (pluck,
 * calc, the value tests, the calc memory between probes) belongs with the service's status, and a lower
 * component must not know the probe's types.
 * <p>
 * {@code ok} false means the test itself failed; {@code value} is the data obtained, null when there is none;
 * {@code reason} says in a few words what happened, for people; {@code elapsed} is how long the probe took.
 */
public interface RawResult {

    boolean ok();

    String value();

    String reason();

    Duration elapsed();
}
