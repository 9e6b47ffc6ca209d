package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/** A service the duty refuses is planned with the refusal as its problem: kept, never handed to its monitor. */
class ServicePlannerTest {

    /** A monitor that takes everything and must never be asked to probe here. */
    static final Monitor ANY = new Monitor() {
        @Override
        public CompletionStage<Reply> probe(ProbeSpec spec) {
            return CompletableFuture.completedFuture(Reply.ok(null, Duration.ZERO));
        }

        @Override
        public boolean handles(ProbeSpec spec) {
            return true;
        }
    };

    /** Monitors without sockets: every type goes to {@link #ANY}. */
    static final class FakeMonitors extends Monitors {
        @Override
        public Optional<Monitor> forType(ServiceType type) {
            return Optional.of(ANY);
        }

        @Override
        public Monitor watch() {
            return null;
        }
    }

    static TreeNode prog() {
        List<ObjectRow> objects = List.of(
                new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                new ObjectRow(2, 1L, ObjectKind.SERVICE, "svc", "Prog", null, 0));
        List<ParamRow> params = List.of(new ParamRow(2, "command", "true", false, 0));
        return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard())
                .byId(2)
                .orElseThrow();
    }

    static ProbeDuty refusing(String why) {
        return new ProbeDuty() {
            @Override
            public Assignment assign(TreeNode service) {
                return Assignment.ALWAYS;
            }

            @Override
            public Object version() {
                return this;
            }

            @Override
            public Optional<String> refusal(TreeNode service) {
                return Optional.ofNullable(why);
            }
        };
    }

    @Test
    void aRefusedServiceIsPlannedWithItsReasonAndNoSpec() {
        ServicePlanner.Plan plan = new ServicePlanner(new FakeMonitors(), refusing("refused on this slave"))
                .plan(prog())
                .orElseThrow();
        assertNull(plan.spec(), "never probed");
        assertEquals("refused on this slave", plan.problem());
    }

    @Test
    void anAcceptedServiceIsPlannedAsBefore() {
        ServicePlanner.Plan plan = new ServicePlanner(new FakeMonitors(), ProbeDuty.EVERYWHERE)
                .plan(prog())
                .orElseThrow();
        assertNotNull(plan.spec());
        assertNull(plan.problem());
    }
}
