package org.argusee.probe.control.local;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;

/**
 * {@code DARP/Watch/<tag>} (or {@code DARP/Watch} with {@code watch: <tag>}, which wins when both are set): up exactly while that DARP peer is
 * connected and alive as this server sees it, a slave on a master or the master on a slave; down with the link's
 * down reason otherwise. {@code mode: slave} or {@code mode: master} (the original's parameter) looks only among
 * the peers of that kind; unset, either. The links are in memory, so it answers at once on the caller's thread.
 * The scheduler probes it again as soon as the link changes ({@code DarpMoved}), so it does not wait for its
 * frequency.
 */
public final class DarpWatchMonitor implements Monitor {

    private final PeerLinks links;

    public DarpWatchMonitor(PeerLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return isWatch(spec);
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        return CompletableFuture.completedStage(look(spec));
    }

    private Reply look(ProbeSpec spec) {
        if (!isWatch(spec)) {
            return Reply.failed(spec.type().text() + " is not a DARP/Watch service", Duration.ZERO);
        }
        Optional<String> tag = watched(spec);
        if (tag.isEmpty()) {
            return Reply.failed("no DARP peer to watch: write DARP/Watch/<tag> or set 'watch'", Duration.ZERO);
        }
        String mode = spec.param("mode")
                .map(m -> m.strip().toLowerCase(Locale.ROOT))
                .filter(m -> !m.isEmpty())
                .orElse(null);
        if (mode != null && !mode.equals("slave") && !mode.equals("master")) {
            return Reply.failed(
                    "'mode' must be slave or master, not '" + spec.param("mode").orElse("") + "'", Duration.ZERO);
        }
        PeerLinks.PeerLink link = links.link(tag.get(), mode);
        if (link.up()) {
            return Reply.ok("connected", Duration.ZERO);
        }
        return Reply.failed(
                link.reason() != null ? link.reason() : "DARP peer '" + tag.get() + "' is not connected",
                Duration.ZERO);
    }

    /** The tag watched: {@code watch} when set (as the original), else the type's last part; empty if neither. */
    public static Optional<String> watched(ProbeSpec spec) {
        if (!isWatch(spec)) {
            return Optional.empty();
        }
        Optional<String> param = spec.param("watch").map(String::strip).filter(t -> !t.isEmpty());
        return param.isPresent()
                ? param
                : spec.type().rest().stream().findFirst().map(String::strip).filter(t -> !t.isEmpty());
    }

    private static boolean isWatch(ProbeSpec spec) {
        return MonitorRoute.DARP_WATCH.takes(spec.type());
    }
}
