package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.argusee.probe.control.EvalState;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.ResultEvaluator;
import org.argusee.probe.control.Verdict;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.StatusMachine;
import org.argusee.status.control.StatusStep;

/**
 * The live status of every probed service, in memory. A reply is judged here (result checks, then retries and
 * severity) on the thread that delivered it, which must not block: so nothing here waits for the database. What
 * has to be stored (a service's first status, and every transition) is queued for {@link StatusWriter}.
 */
@ApplicationScoped
public class StatusBoard {

    private record Tracked(ServiceStatus status, EvalState eval) {
    }

    private final Map<Long, Tracked> services = new ConcurrentHashMap<>();
    private final Queue<StatusRow> toStore = new ConcurrentLinkedQueue<>();

    public void record(long objectId, String fullName, Map<String, String> params, Reply reply) {
        Instant now = Instant.now();
        services.compute(objectId, (id, tracked) -> {
            boolean first = tracked == null;
            Tracked current = first ? new Tracked(ServiceStatus.initial(now), EvalState.EMPTY) : tracked;
            Verdict verdict = ResultEvaluator.evaluate(params, reply, current.eval(), now);
            StatusStep step = StatusMachine.apply(current.status(), verdict.check(), params, now);
            if (first || step.transition().isPresent()) {
                toStore.add(new StatusRow(objectId, fullName, step.next(), verdict.result(), now, step.transition()));
            }
            return new Tracked(step.next(), verdict.next());
        });
    }

    /** The service is no longer probed (removed, or its type changed): forget it. */
    public void forget(long objectId) {
        services.remove(objectId);
    }

    List<StatusRow> drain() {
        List<StatusRow> rows = new ArrayList<>();
        for (StatusRow row = toStore.poll(); row != null; row = toStore.poll()) {
            rows.add(row);
        }
        return rows;
    }
}
