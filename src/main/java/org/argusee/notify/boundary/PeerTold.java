package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.hibernate.Session;

/**
 * On a DARP master, each round before sending: a notification not sent to anyone yet whose very state a slave
 * reports having told since this server last told anything of the object is not sent (its deliveries {@code acked},
 * the notification acknowledged "told by DARP slave x"): the slave told it while this server was away. Then the
 * deliveries held for the slaves ({@link NotifyDarp#holdUntil}) go once no slave may still report, or their hold
 * ends. Compares the slave's time of the transition with this server's time of its last notification: the servers'
 * clocks are assumed in step (NTP), as for the reports themselves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PeerTold {

    private static final Logger LOG = Logger.getLogger(PeerTold.class.getName());
    private static final String PENDING = ToldElsewhere.PENDING;
    /** Driven by what is not sent yet (a few rows in steady state), not by the history or the reports. */
    private static final String TOLD = "select n.id, n.object_name, n.status, n.severity, min(r.slave_tag)"
            + " from (select distinct notification_id from argus.notification_delivery where state in " + PENDING
            + ") d join argus.notification n on n.id = d.notification_id"
            + " join argus.darp_report r on r.object_id = n.object_id"
            + " and r.told_status = n.status and r.told_severity = n.severity"
            + " where not n.audit and not exists (select 1 from argus.notification_delivery s"
            + " where s.notification_id = n.id and s.state = 'sent')"
            + " and r.told_at > coalesce((select max(p.created_at) from argus.notification p"
            + " where p.object_id = n.object_id and p.id < n.id and not p.audit), '-infinity')"
            + " group by n.id, n.object_name, n.status, n.severity order by n.id limit 500";

    private static final String RELEASE = "update argus.notification_delivery set state = 'queued',"
            + " next_attempt = now() where state = 'held' and (? or next_attempt <= now())"
            + " and next_attempt < '9999-01-01'"; // a slave's kept ones (MasterKept) are not this hold's

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyDarp darp;

    public void run() {
        if (!darp.master()) {
            return;
        }
        boolean waiting = darp.waiting(Instant.now());
        em.unwrap(Session.class).doWork(c -> {
            List<String> dropped = ToldElsewhere.drop(c, TOLD, "told by DARP slave ", darp::sharedTelling);
            try (PreparedStatement release = c.prepareStatement(RELEASE)) {
                release.setBoolean(1, !waiting);
                release.executeUpdate();
            }
            if (!dropped.isEmpty()) {
                LOG.info(() -> "Not sent, a DARP slave told them already: " + String.join(", ", dropped));
            }
        });
    }
}
