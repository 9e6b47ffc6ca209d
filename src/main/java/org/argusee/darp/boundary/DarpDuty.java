package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.duty.DarpMode;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.duty.Duty;
import org.argusee.darp.control.duty.ProgramRefusal;
import org.argusee.darp.control.duty.TestDuty;
import org.argusee.probe.control.DarpMoved;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.tree.control.TreeNode;

/**
 * Tells the scheduler which services this server tests now: {@link TestDuty} over the service's DARP parameters
 * (read once, when the service is planned), this server's topology ({@link DarpHere}) and whether its master link
 * is connected now. The answer is kept per service until the topology or the link changes, so a probe costs two
 * field reads and a comparison, not a decision.
 *
 * <p>{@code DARP/Watch} services are always tested here: they watch this server's own links.
 */
@ApplicationScoped
public class DarpDuty implements ProbeDuty {

    private static final Logger LOG = Logger.getLogger(DarpDuty.class.getName());

    /** What the duty rests on; a new one (by identity) for every change. */
    record Basis(DarpTopology topology, Set<String> mastersUp) {}

    /** One service's last answer and the basis it was worked out on. */
    private record Answer(Basis basis, boolean test) {}

    @Inject
    DarpHere here;

    @Inject
    Event<DarpMoved> moved;

    @Inject
    DarpSettings settings;

    /** Services whose refusal was logged, so a replan does not log it again. */
    private final Set<String> refusedLogged = ConcurrentHashMap.newKeySet();

    private volatile Set<String> mastersUp = Set.of();
    private volatile Basis basis;

    @Override
    public Assignment assign(TreeNode service) {
        if (service.serviceType().filter(t -> "DARP".equals(t.base())).isPresent()) {
            return Assignment.ALWAYS;
        }
        DarpParameters p = DarpParameters.of(service);
        if (p.mode() == DarpMode.NONE) {
            return Assignment.ALWAYS; // none is tested everywhere, peers or not: no need to ask at every probe
        }
        return new Assigned(p);
    }

    /** A slave refuses its master's Prog services unless {@code argus.darp.allow-programs} is true. */
    @Override
    public Optional<String> refusal(TreeNode service) {
        Optional<String> refused = service.serviceType()
                .flatMap(t -> ProgramRefusal.of(t, settings.hasMaster(), settings.allowPrograms()));
        refused.filter(r -> refusedLogged.add(service.fullName()))
                .ifPresent(r -> LOG.warning(() -> "DARP: " + service.fullName() + " not run: " + r));
        return refused;
    }

    @Override
    public Object version() {
        return basis();
    }

    /** The basis now: the topology is read at every call, as DarpHere replaces it when the peers change. */
    Basis basis() {
        DarpTopology t = here.topology();
        Basis b = basis;
        if (b != null && b.topology() == t) {
            return b;
        }
        synchronized (this) { // with linkChanged, so a new topology never brings back an old link state
            b = basis;
            if (b == null || b.topology() != t) {
                b = new Basis(t, mastersUp);
                basis = b;
            }
            return b;
        }
    }

    /** The master link came up or went down (the tag is the master's); a slave's link moves no duty. */
    void linkChanged(@Observes PeerLinkChanged change) {
        if (change.master()) {
            synchronized (this) {
                mastersUp = change.up() ? Set.of(change.tag()) : Set.of();
                basis = new Basis(here.topology(), mastersUp);
            }
        }
        try {
            moved.fire(new DarpMoved(change.tag(), change.master()));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "DARP: the scheduler cannot be told that the link of '" + change.tag() + "' is "
                            + (change.up() ? "up" : "down"),
                    e);
        }
    }

    /**
     * Whether this server tests the service now, and why in words: what a view shows beside a service this server
     * has no result of its own for (a failover slave standing by, a server its tags do not name).
     */
    public Duty duty(TreeNode service) {
        Basis b = basis();
        return TestDuty.decide(DarpParameters.of(service), b.topology(), b.mastersUp());
    }

    /** Tags of the masters this server is connected to now. */
    Set<String> mastersUp() {
        return mastersUp;
    }

    private final class Assigned implements Assignment {
        private final DarpParameters parameters;
        private volatile Answer last;

        Assigned(DarpParameters parameters) {
            this.parameters = parameters;
        }

        @Override
        public boolean testsNow() {
            Basis b = basis();
            Answer a = last;
            if (a == null || a.basis() != b) {
                a = new Answer(
                        b,
                        TestDuty.decide(parameters, b.topology(), b.mastersUp()).test());
                last = a;
            }
            return a.test();
        }
    }
}
