package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.link.LinkState;
import org.argusee.probe.control.local.PeerLinks;

/**
 * This server's DARP links for {@code DARP/Watch}: a slave is up while its stream is open and alive
 * ({@link SlaveStreams} drops it as soon as it closes or misses its heartbeat), the master while the master link
 * is connected ({@link SlaveRunner}). All in memory.
 */
@ApplicationScoped
public class DarpPeerLinks implements PeerLinks {

    @Inject
    DarpHere here;

    @Inject
    SlaveStreams streams;

    @Inject
    SlaveRunner runner;

    @Override
    public PeerLink link(String tag, String role) {
        DarpTopology t = here.topology();
        if (!"master".equals(role) && t.slaves().contains(tag)) {
            return slave(tag);
        }
        if (!"slave".equals(role) && t.masters().contains(tag)) {
            return master(tag);
        }
        String kind = role == null ? "" : " " + role;
        return PeerLink.unknown("no DARP" + kind + " peer '" + tag + "' on '" + t.self() + "'");
    }

    private PeerLink slave(String tag) {
        if (streams.connectedTags().contains(tag)) {
            return PeerLink.connected();
        }
        return PeerLink.down(streams.ended(tag)
                .map(e -> "DARP slave '" + tag + "' down: " + e.reason())
                .orElse("DARP slave '" + tag + "' not connected since this server started"));
    }

    private PeerLink master(String tag) {
        if (!tag.equals(here.masterTag())) {
            return PeerLink.down(
                    "DARP master '" + tag + "' has no link from here (argus.darp.master.url names" + " another)");
        }
        Optional<LinkState> state = runner.linkState();
        if (state.isEmpty()) {
            return PeerLink.down("DARP master '" + tag + "': link not started yet");
        }
        LinkState s = state.get();
        if (s.connected()) {
            return PeerLink.connected();
        }
        return PeerLink.down("DARP master '" + tag + "' " + s.state() + (s.reason() == null ? "" : ": " + s.reason()));
    }
}
