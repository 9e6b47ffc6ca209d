package org.argusee.probe.control.local;

import static org.argusee.probe.control.Probes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

class DarpWatchMonitorTest {

    /** s1 a connected slave, s2 a slave that went down, m the master (down); what was asked, in order. */
    private final List<String> asked = new ArrayList<>();

    private final PeerLinks links = (tag, role) -> {
        asked.add(tag + "/" + role);
        return switch (tag) {
            case "s1" ->
                "master".equals(role)
                        ? PeerLinks.PeerLink.unknown("no DARP master peer 's1'")
                        : PeerLinks.PeerLink.connected();
            case "s2" -> PeerLinks.PeerLink.down("DARP slave 's2' down: nothing heard for 10 s");
            case "m" -> PeerLinks.PeerLink.down("DARP master 'm' down: connection refused");
            default -> PeerLinks.PeerLink.unknown("no DARP peer '" + tag + "' on 'here'");
        };
    };
    private final DarpWatchMonitor monitor = new DarpWatchMonitor(links);

    private static ProbeSpec spec(String type, Map<String, String> params) {
        return ProbeSpec.of(ServiceType.parse(type), params);
    }

    @Test
    void upWhileThePeerIsConnected() {
        Reply r = await(monitor.probe(spec("DARP/Watch/s1", Map.of())));
        assertTrue(r.ok(), r.reason());
        assertEquals("connected", r.value());
        assertEquals(List.of("s1/null"), asked, "no mode: a peer of either kind");
    }

    @Test
    void downWithTheLinksReason() {
        Reply r = await(monitor.probe(spec("DARP/Watch/s2", Map.of())));
        assertFalse(r.ok());
        assertEquals("DARP slave 's2' down: nothing heard for 10 s", r.reason());
        assertEquals(
                "DARP master 'm' down: connection refused",
                await(monitor.probe(spec("DARP/Watch/m", Map.of("mode", "Master"))))
                        .reason());
        assertEquals("m/master", asked.get(1), "mode is read ignoring case");
    }

    @Test
    void anUnknownTagIsDownNamingIt() {
        Reply r = await(monitor.probe(spec("DARP/Watch/nobody", Map.of())));
        assertFalse(r.ok());
        assertTrue(r.reason().contains("'nobody'"), r.reason());
        assertFalse(
                await(monitor.probe(spec("DARP/Watch/s1", Map.of("mode", "master"))))
                        .ok(),
                "a slave is not found among the masters");
    }

    @Test
    void watchNamesThePeerAndWinsOverTheType() {
        assertTrue(
                await(monitor.probe(spec("DARP/Watch", Map.of("watch", "s1")))).ok());
        assertTrue(await(monitor.probe(spec("DARP/Watch/s2", Map.of("watch", " s1 "))))
                .ok());
        assertEquals(Optional.of("s1"), DarpWatchMonitor.watched(spec("DARP/Watch/s2", Map.of("watch", "s1"))));
        assertEquals(Optional.of("s2"), DarpWatchMonitor.watched(spec("DARP/watch/s2", Map.of())));
        assertEquals(Optional.empty(), DarpWatchMonitor.watched(spec("Self/tested", Map.of())));
    }

    @Test
    void noTagOrABadModeSaysWhatToWrite() {
        Reply none = await(monitor.probe(spec("DARP/Watch", Map.of())));
        assertFalse(none.ok());
        assertEquals("no DARP peer to watch: write DARP/Watch/<tag> or set 'watch'", none.reason());
        Reply bad = await(monitor.probe(spec("DARP/Watch/s1", Map.of("mode", "peer"))));
        assertEquals("'mode' must be slave or master, not 'peer'", bad.reason());
        assertTrue(asked.isEmpty(), "nothing looked up");
    }

    @Test
    void handlesOnlyDarpWatch() {
        assertTrue(monitor.handles(spec("DARP/WATCH/s1", Map.of())));
        assertFalse(monitor.handles(spec("Self/tested", Map.of())));
        assertEquals(
                "no DARP peer 'x' (DARP is not running here)",
                await(new DarpWatchMonitor(PeerLinks.NONE).probe(spec("DARP/Watch/x", Map.of())))
                        .reason());
    }
}
