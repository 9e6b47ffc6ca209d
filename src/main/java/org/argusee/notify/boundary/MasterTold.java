package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.hibernate.Session;

/**
 * On a DARP slave, each round before sending: a notification not sent to anyone yet whose very state its master
 * says it told (and sent) since this server's previous notification of the object is not sent: its deliveries
 * {@code acked}, the notification acknowledged "told by DARP master m". The case: this slave told an object it
 * had taken over, but could not send (its SMTP server away); its master, back meanwhile, heard nothing of it (a
 * slave reports only what went out), told the state itself and shared that. Without this the slave would send its
 * own copy once its SMTP server is back: twice. The mirror of {@link PeerTold} on the master; the master's times
 * against this server's, the clocks assumed in step as there.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MasterTold {

    private static final Logger LOG = Logger.getLogger(MasterTold.class.getName());
    private static final String PENDING = ToldElsewhere.PENDING;
    /** Driven by what is not sent yet (a few rows in steady state); a master's rows have a teller, ours ''. */
    private static final String TOLD = "select n.id, n.object_name, n.status, n.severity, min(t.teller)"
            + " from (select distinct notification_id from argus.notification_delivery where state in " + PENDING
            + ") d join argus.notification n on n.id = d.notification_id"
            + " join argus.darp_told t on t.teller <> '' and t.object_name = n.object_name"
            + " and t.status = n.status and (n.status = 'up' or t.severity = n.severity)"
            + " where not n.audit and not exists (select 1 from argus.notification_delivery s"
            + " where s.notification_id = n.id and s.state = 'sent')"
            + " and t.told_at > coalesce((select max(p.created_at) from argus.notification p"
            + " where p.object_id = n.object_id and p.id < n.id and not p.audit), '-infinity')"
            + " group by n.id, n.object_name, n.status, n.severity order by n.id limit 500";

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyDarp darp;

    /** Settles what this server kept for its master first (in a transaction of its own). */
    @Inject
    MasterKept kept;

    public void run() {
        List<Long> settled = kept.run();
        if (!settled.isEmpty()) {
            darp.keptDone(settled, Instant.now());
        }
        if (!darp.slave()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            List<String> dropped = ToldElsewhere.drop(c, TOLD, "told by DARP master ", darp::sharedTelling);
            if (!dropped.isEmpty()) {
                LOG.info(() -> "Not sent, the DARP master told them already: " + String.join(", ", dropped));
            }
        });
    }
}
