package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.darp.control.wire.ReportItem;

/**
 * On a slave, the last state of each object that this server notified, for its reports to the master: a master back
 * after a failover learns from them what its slave already told, and does not tell it again. The notifications
 * (a higher component) write it when they store a notification, in the transaction of the transition; the report
 * of that transition, sent after the commit, carries it. In memory: after a restart of the slave, its reports say
 * nothing of what it told before (see docs/design/70-notify.md).
 */
@ApplicationScoped
public class ToldLedger {

    private final Map<String, ReportItem.Told> told = new ConcurrentHashMap<>();

    /** This server notified {@code status}/{@code severity} of the object, for its transition at {@code at}. */
    public void told(String fullName, String status, String severity, Instant at) {
        told.merge(
                fullName,
                new ReportItem.Told(status, severity, at),
                (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    public Optional<ReportItem.Told> of(String fullName) {
        return Optional.ofNullable(told.get(fullName));
    }
}
