package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.argusee.status.control.Availability;
import org.argusee.status.control.Granularity;
import org.argusee.tree.control.TreeNode;

/**
 * A group's history for a viewer who may not see all of it (issue 12): the transition log and availability rebuilt
 * from the parts they see ({@link PartialGroupLog}) instead of the group's own, which tells of the hidden part's
 * outages too. The answers keep {@code withheld: true} as the mark that they are partial.
 */
@ApplicationScoped
public class PartialHistories {

    /** More sources than this and the group's history is withheld whole (the replay reads each one's log). */
    public static final int MAX_SOURCES = 2000;

    @Inject
    StatusHistory history;

    @Inject
    StatusBoard board;

    /** @param sources the visible objects under {@code group} whose own logs tell the visible part's story */
    public TransitionPage transitions(TreeNode group, List<TreeNode> sources, TransitionPage whole) {
        if (sources.size() > MAX_SOURCES) {
            return whole.hidden();
        }
        List<TransitionView> log = new ArrayList<>(log(group, sources));
        Collections.reverse(log); // newest first, as the group's own
        int from = Math.min(whole.offset(), log.size());
        int to = Math.min(log.size(), from + whole.limit());
        return new TransitionPage(log.size(), whole.offset(), whole.limit(), List.copyOf(log.subList(from, to)), true);
    }

    public AvailabilityView availability(TreeNode group, List<TreeNode> sources, AvailabilityView whole) {
        if (sources.size() > MAX_SOURCES) {
            return whole.hidden();
        }
        Granularity per = Granularity.fromLabel(whole.per()).orElseThrow();
        Instant now = Instant.now();
        return new AvailabilityView(
                whole.fullName(),
                whole.per(),
                whole.from(),
                whole.to(),
                Availability.summarise(
                        PartialGroupLog.days(log(group, sources), now), null, now, per, whole.from(), whole.to()),
                true);
    }

    private List<TransitionView> log(TreeNode group, List<TreeNode> sources) {
        Map<Long, List<TransitionView>> logs =
                history.transitionsOf(sources.stream().map(TreeNode::id).toList());
        List<PartialGroupLog.Entry> entries = new ArrayList<>();
        for (TreeNode source : sources) {
            String name = source.fullName()
                    .substring(Math.min(
                            source.fullName().length(), group.fullName().length() + 1));
            List<TransitionView> log = logs.getOrDefault(source.id(), List.of());
            if (log.isEmpty()) {
                // first known as up is not logged: a source that never changed since is up since then
                board.state(source.id())
                        .map(s -> new TransitionView(
                                0,
                                s.since(),
                                null,
                                s.display().state().label(),
                                s.display().severity().label(),
                                null))
                        .ifPresent(t -> entries.add(new PartialGroupLog.Entry(name, t)));
            }
            log.forEach(t -> entries.add(new PartialGroupLog.Entry(name, t)));
        }
        return PartialGroupLog.replay(entries);
    }
}
