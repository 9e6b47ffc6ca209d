package org.argusee.notify.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.darp.boundary.DarpHere;
import org.argusee.darp.boundary.PeerLinkChanged;
import org.argusee.darp.boundary.ReportsApplied;
import org.argusee.darp.boundary.SlaveStreams;
import org.argusee.darp.boundary.ToldLedger;
import org.argusee.darp.control.duty.NotifyDuty;
import org.argusee.darp.control.duty.NotifyHold;
import org.argusee.darp.control.duty.SlaveKeep;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.notify.control.Telling;
import org.argusee.notify.control.ToldBefore;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server sends an object's notifications under DARP ({@link NotifyDuty}: {@code slaves_send_notifies},
 * {@code master_notif_gravity} among the servers connected now), and on a master how long a new one is held for
 * the slaves to say what they told meanwhile ({@link NotifyHold}). The connected peers are followed from the link
 * events (a master's link on a slave, slaves' streams on a master), seeded with the slaves connected already.
 */
@ApplicationScoped
public class NotifyDarp {

    @Inject
    DarpHere here;

    @Inject
    SlaveStreams slaves;

    @Inject
    ToldLedger told;

    @Inject
    TreeCache cache;

    /** How long after a slave connects its reports of what it told are waited for. */
    @Inject
    @ConfigProperty(name = "argus.notify.darp-settle-seconds", defaultValue = "5")
    int settleSeconds;

    /** How long after this server starts, or a slave's link goes down, that slave is waited for. */
    @Inject
    @ConfigProperty(name = "argus.notify.darp-hold-seconds", defaultValue = "60")
    int holdSeconds;

    private final Set<String> connected = new HashSet<>();
    /** On a slave: what it left to its master, until it is known who tells it. */
    private SlaveKeep kept = new SlaveKeep(Duration.ofSeconds(60));

    private final Map<String, NotifyHold.Link> links = new HashMap<>();
    private Instant started = Instant.now();
    private boolean seeded;

    synchronized void started(@Observes Startup startup) {
        started = Instant.now();
    }

    @PostConstruct
    void init() {
        kept = new SlaveKeep(Duration.ofSeconds(holdSeconds));
    }

    public NotifyDuty.Decision decide(TreeNode node) {
        return NotifyDuty.decide(node::param, here.topology(), connectedNow());
    }

    /**
     * Whether this server tells the object's transition, and on a slave that leaves it to a linked master only
     * because that master is linked, the ticket to keep it with ({@link SlaveKeep}): told here after all if the
     * link falls before the master applied its report. Taken together, so that a link falling in between is seen.
     */
    public Duty duty(TreeNode node) {
        long falls = kept.falls(); // before the links are read: a fall after it is seen by the keeping
        Set<String> now = connectedNow();
        NotifyDuty.Decision decision = NotifyDuty.decide(node::param, here.topology(), now);
        Optional<SlaveKeep.Ticket> ticket = decision.notifies()
                ? Optional.empty()
                : SlaveKeep.leftTo(node::param, here.topology(), now).map(m -> new SlaveKeep.Ticket(m, falls));
        return new Duty(decision, ticket);
    }

    /** What {@link #duty} says: the decision, and the ticket when the transition is kept for a master. */
    public record Duty(NotifyDuty.Decision decision, Optional<SlaveKeep.Ticket> keep) {}

    /** A notification stored for the master to tell (deliveries kept): remembered until who tells it is known. */
    public void kept(long id, String fullName, Instant transitionAt, SlaveKeep.Ticket ticket) {
        kept.keep(id, fullName, transitionAt, ticket, Instant.now());
    }

    /** Who tells a notification kept for the master (one kept before this server started: this server). */
    public SlaveKeep.Outcome keptOutcome(long id, Instant now) {
        return kept.outcome(id, now);
    }

    /** The outcomes of these were acted on (committed). */
    public void keptDone(List<Long> ids, Instant now) {
        kept.forget(ids, now);
    }

    void applied(@Observes ReportsApplied reports) {
        for (ReportItem item : reports.items()) {
            kept.applied(item.object(), item.at());
        }
    }

    /** Until when a new notification of the object waits for the slaves; empty: it goes now. */
    public Optional<Instant> holdUntil(TreeNode node, Instant now) {
        connectedNow();
        Set<String> quiet = quietSlaves(now);
        synchronized (this) {
            return hold().until(node::param, here.topology(), linksAt(quiet, now), started, now);
        }
    }

    /**
     * On a slave: whether a master of this server told this very state of the object after anything this server
     * told of it, so that telling it now would say it twice (the slave took the object over, or tells it because
     * of {@code slaves_send_notifies}). Empty: tell it. The answer is who told it, for the history.
     */
    public Optional<String> toldByMaster(TreeNode node, String fullName, Telling telling) {
        if (!here.topology().isSlave() || !NotifyDuty.sharedTelling(node::param)) {
            return Optional.empty();
        }
        return told.byMaster(fullName)
                .filter(m -> ToldBefore.byMaster(
                        telling,
                        m.told().status(),
                        m.told().severity(),
                        m.told().at(),
                        told.of(fullName).map(own -> own.at()).orElse(null)))
                .map(m -> "told by DARP master " + m.master());
    }

    /**
     * Whether what another server told of the object stands for this server's telling ({@link
     * NotifyDuty#sharedTelling}); an object no longer in the tree: no.
     */
    public boolean sharedTelling(String fullName) {
        return cache.snapshot()
                .find(fullName)
                .map(n -> NotifyDuty.sharedTelling(n::param))
                .orElse(false);
    }

    /** Whether this server has a DARP master: only then can one have told what this server is about to send. */
    public boolean slave() {
        return here.topology().isSlave();
    }

    /** Whether this server has DARP slaves: only then can one have told what this server is about to tell. */
    public boolean master() {
        return here.topology().isMaster();
    }

    /** Whether some slave may still report what it told: held notifications wait while it is so. */
    public boolean waiting(Instant now) {
        Set<String> quiet = quietSlaves(now);
        synchronized (this) {
            return hold().anyUntil(here.topology(), linksAt(quiet, now), started, now)
                    .isPresent();
        }
    }

    /**
     * The slaves' links as the hold sees them: one whose stream is up but which was not heard lately counts as
     * gone since now, so a master thawed after a freeze (SIGSTOP) waits for it as after a lost link, rather than
     * telling at once what that slave may have told while this server was frozen.
     */
    private synchronized Map<String, NotifyHold.Link> linksAt(Set<String> quiet, Instant now) {
        Map<String, NotifyHold.Link> seen = new HashMap<>(links);
        links.forEach((tag, link) -> {
            if (link.up() && quiet.contains(tag)) {
                seen.put(tag, new NotifyHold.Link(false, now));
            }
        });
        return seen;
    }

    /**
     * The connected slaves not heard lately. Asked without holding this object's lock: a stream's conversation
     * holds its own lock while it announces a link change, which this object observes.
     */
    private Set<String> quietSlaves(Instant now) {
        Set<String> quiet = new HashSet<>();
        for (String tag : slaves.connectedTags()) {
            if (!slaves.heardLately(tag)) {
                quiet.add(tag);
            }
        }
        return quiet;
    }

    private NotifyHold hold() {
        return new NotifyHold(Duration.ofSeconds(settleSeconds), Duration.ofSeconds(holdSeconds));
    }

    private synchronized Set<String> connectedNow() {
        if (!seeded) {
            seeded = true;
            Instant now = Instant.now();
            for (String tag : slaves.connectedTags()) {
                connected.add(tag);
                links.putIfAbsent(tag, new NotifyHold.Link(true, now));
            }
        }
        return Set.copyOf(connected);
    }

    synchronized void linkChanged(@Observes PeerLinkChanged change) {
        if (change.up()) {
            connected.add(change.tag());
        } else {
            connected.remove(change.tag());
        }
        if (change.master() && !change.up()) {
            kept.linkFell();
        }
        if (!change.master()) {
            links.put(change.tag(), new NotifyHold.Link(change.up(), Instant.now()));
        }
    }
}
