package org.argusee.probe.control.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The probes in flight as a list through the probes: the same members as a set would hold, whatever the order. */
class InFlightTest {

    /** An exchange that never runs: only its links are used. */
    private static Exchange probe() {
        return new Exchange(null, null) {
            @Override
            protected void begin(InetSocketAddress target) {}

            @Override
            protected void ready(SelectionKey key) {}
        };
    }

    private static Set<Exchange> members(InFlight live) {
        Set<Exchange> seen = new HashSet<>();
        live.forEach(e -> assertTrue(seen.add(e), "each once"));
        return seen;
    }

    @Test
    void addedOnceRemovedOnce() {
        InFlight live = new InFlight();
        Exchange a = probe();
        Exchange b = probe();
        assertTrue(live.add(a));
        assertFalse(live.add(a), "in already");
        assertTrue(live.add(b));
        assertEquals(2, live.size());
        live.remove(a);
        live.remove(a); // completed twice (a timeout racing the reply): nothing more
        assertEquals(Set.of(b), members(live));
        assertEquals(1, live.size());
        assertTrue(live.add(a), "may come back once out");
    }

    @Test
    void theSameMembersAsASetOverRandomAddsAndRemoves() {
        Random random = new Random(13);
        List<Exchange> pool = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pool.add(probe());
        }
        InFlight live = new InFlight();
        Set<Exchange> model = new HashSet<>();
        for (int step = 0; step < 20_000; step++) {
            Exchange e = pool.get(random.nextInt(pool.size()));
            if (random.nextBoolean()) {
                assertEquals(model.add(e), live.add(e));
            } else {
                model.remove(e);
                live.remove(e);
            }
            assertEquals(model.size(), live.size());
        }
        assertEquals(model, members(live));
    }

    @Test
    void theActionMayRemoveWhatItIsGiven() {
        InFlight live = new InFlight();
        for (int i = 0; i < 10; i++) {
            live.add(probe());
        }
        live.forEach(live::remove); // as a shutdown fails each probe, which forgets it
        assertEquals(0, live.size());
        assertTrue(members(live).isEmpty());
    }
}
