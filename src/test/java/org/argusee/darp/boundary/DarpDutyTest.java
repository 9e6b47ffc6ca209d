package org.argusee.darp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.probe.control.DarpMoved;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/** The duty the scheduler asks at every tick: right answers, kept until the topology or the master link moves. */
class DarpDutyTest {

    static final DarpTopology SLAVE = new DarpTopology("s1", Set.of("m"), Set.of());
    static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));

    /** DarpHere with a topology set by the test. */
    static class Here extends DarpHere {
        volatile DarpTopology now;

        Here(DarpTopology now) {
            this.now = now;
        }

        @Override
        public DarpTopology topology() {
            return now;
        }
    }

    final List<DarpMoved> fired = new ArrayList<>();
    final Here here = new Here(SLAVE);
    final DarpDuty duty = new DarpDuty();

    {
        duty.here = here;
        duty.moved = new Recording();
    }

    /** Top > G (the given darp parameters) > one Ping service, and a DARP/Watch service beside it. */
    static TreeSnapshot tree(String... keysAndValues) {
        List<ObjectRow> objects = List.of(
                new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 0),
                new ObjectRow(3, 2L, ObjectKind.SERVICE, "Ping", "Ping", null, 0),
                new ObjectRow(4, 2L, ObjectKind.SERVICE, "Watch", "DARP/Watch/s1", null, 1));
        List<ParamRow> params = new ArrayList<>();
        params.add(new ParamRow(3, "hostname", "192.0.2.1", false, 0));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.add(new ParamRow(2, keysAndValues[i], keysAndValues[i + 1], false, params.size()));
        }
        return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard());
    }

    static TreeNode ping(String... keysAndValues) {
        return tree(keysAndValues).byId(3).orElseThrow();
    }

    @Test
    void modeNoneAndDarpWatchAreAlwaysTestedWithoutAskingAgain() {
        assertSame(ProbeDuty.Assignment.ALWAYS, duty.assign(ping()));
        assertSame(ProbeDuty.Assignment.ALWAYS, duty.assign(ping("darp_mode", "none")));
        assertSame(
                ProbeDuty.Assignment.ALWAYS,
                duty.assign(tree("darp_mode", "distributed", "darp_tags", "s2")
                        .byId(4)
                        .orElseThrow()));
    }

    @Test
    void aSlaveTestsFailoverServicesOnlyWhileItsMasterIsDown() {
        ProbeDuty.Assignment failover = duty.assign(ping("darp_mode", "failover"));
        assertTrue(failover.testsNow(), "no master connected yet: taken over");
        Object before = duty.version();

        duty.linkChanged(new PeerLinkChanged("m", true, true, null));
        assertFalse(failover.testsNow(), "master up: standing by");
        assertNotSame(before, duty.version());
        assertEquals(List.of(new DarpMoved("m", true)), fired);

        duty.linkChanged(new PeerLinkChanged("m", true, false, "nothing heard for 10 s"));
        assertTrue(failover.testsNow(), "master down: taken over at once");
    }

    @Test
    void aSlavesLinkOnAMasterMovesNoDutyButIsTold() {
        here.now = MASTER;
        ProbeDuty.Assignment failover = duty.assign(ping("darp_mode", "failover"));
        assertTrue(failover.testsNow(), "a master always tests failover");
        Object before = duty.version();
        duty.linkChanged(new PeerLinkChanged("s1", false, false, "closed"));
        assertTrue(failover.testsNow());
        assertSame(before, duty.version(), "nothing to look at again");
        assertEquals(List.of(new DarpMoved("s1", false)), fired, "DARP/Watch of s1 looks again");
    }

    @Test
    void distributedFollowsTheTagsAndTheTopology() {
        here.now = MASTER;
        ProbeDuty.Assignment s2Only = duty.assign(ping("darp_mode", "distributed", "darp_tags", "s2"));
        ProbeDuty.Assignment withMaster = duty.assign(ping("darp_mode", "distributed", "darp_tags", "s2 MASTERS"));
        assertFalse(s2Only.testsNow());
        assertTrue(withMaster.testsNow());
        Object before = duty.version();

        here.now = DarpTopology.standalone("m"); // every peer removed
        assertTrue(s2Only.testsNow(), "a server with no peers tests everything");
        assertNotSame(before, duty.version(), "the scheduler sees the topology move");
        Object after = duty.version();
        assertSame(after, duty.version(), "and the same one while nothing moves");
    }

    @Test
    void theAnswerIsKeptUntilSomethingMoves() {
        here.now = MASTER;
        int[] asked = {0};
        Here counting = new Here(MASTER) {
            @Override
            public DarpTopology topology() {
                asked[0]++;
                return super.topology();
            }
        };
        duty.here = counting;
        ProbeDuty.Assignment a = duty.assign(ping("darp_mode", "redundant"));
        for (int i = 0; i < 1000; i++) {
            assertTrue(a.testsNow());
        }
        assertEquals(1000, asked[0], "one read of the topology per probe; the basis stays the same");
    }

    /** Settings of a slave (or not) that allows programs (or not). */
    static DarpSettings settings(boolean slave, boolean allowPrograms) {
        return new DarpSettings() {
            @Override
            public boolean hasMaster() {
                return slave;
            }

            @Override
            public boolean allowPrograms() {
                return allowPrograms;
            }
        };
    }

    static TreeNode service(String type, String... params) {
        List<ObjectRow> objects = List.of(
                new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                new ObjectRow(2, 1L, ObjectKind.SERVICE, "svc", type, null, 0));
        List<ParamRow> rows = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            rows.add(new ParamRow(2, params[i], params[i + 1], false, rows.size()));
        }
        return TreeSnapshot.build(1, objects, rows, ParameterCatalog.standard())
                .byId(2)
                .orElseThrow();
    }

    @Test
    void aSlaveRefusesItsMastersProgServicesUnlessAllowed() {
        TreeNode prog = service("Prog", "command", "touch /tmp/owned");
        duty.settings = settings(true, false);
        Optional<String> refused = duty.refusal(prog);
        assertTrue(refused.isPresent(), "a slave runs no command its master serves by default");
        assertTrue(refused.get().contains("argus.darp.allow-programs"), refused.get());
        assertEquals(Optional.empty(), duty.refusal(service("Ping", "hostname", "127.0.0.1")), "Ping runs no shell");
        assertEquals(Optional.empty(), duty.refusal(service("TCP/SMTP", "hostname", "127.0.0.1")));

        duty.settings = settings(true, true);
        assertEquals(Optional.empty(), duty.refusal(prog), "allowed by the slave's own setting");
        duty.settings = settings(false, false);
        assertEquals(Optional.empty(), duty.refusal(prog), "a server's own Prog services are its own business");
    }

    /** Records what is fired, synchronously. */
    final class Recording implements Event<DarpMoved> {
        @Override
        public void fire(DarpMoved event) {
            fired.add(event);
        }

        @Override
        public <U extends DarpMoved> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DarpMoved> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<DarpMoved> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends DarpMoved> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DarpMoved> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
