package org.argusee.status.boundary;

import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ReplyRules;

/**
 * A service between probes: status machine, calc state, status known yet, its parameters parsed (issue 17).
 * Changed in place under the status board's lock, so a reply costs one map look-up rather than a new entry put.
 */
final class Tracked {
    ServiceStatus status;
    EvalState eval;
    boolean known;
    ReplyRules rules;

    Tracked(ServiceStatus status, boolean known, ReplyRules rules) {
        this.status = status;
        this.eval = EvalState.EMPTY;
        this.known = known;
        this.rules = rules;
    }
}
