package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.argusee.platform.control.ArgusException;
import org.argusee.status.control.Availability;
import org.argusee.status.control.Granularity;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/**
 * Availability and samples as the API gives them: the query's range checked and defaulted, stored rows joined
 * with what is still in memory (the period under way, the buckets not closed yet).
 */
@ApplicationScoped
public class HistoryViews {

    static final int MAX_PERIODS = 3700;
    static final long MAX_BUCKETS = 10_000;

    @Inject
    StatusHistory history;

    @Inject
    StatusBoard board;

    public AvailabilityView availability(TreeNode node, String perText, String fromText, String toText) {
        Granularity per = Granularity.fromLabel(perText)
                .orElseThrow(() ->
                        new ArgusException.Invalid("per", "per must be day, month or year, not '" + perText + "'"));
        LocalDate to = toText == null ? LocalDate.now(ZoneOffset.UTC) : date("to", toText);
        LocalDate from = fromText != null
                ? date("from", fromText)
                : switch (per) {
                    case DAY -> to.minusDays(29);
                    case MONTH -> to.minusMonths(11);
                    case YEAR -> to.minusYears(4);
                };
        if (from.isAfter(to)) {
            throw new ArgusException.Invalid("from", "from (" + from + ") is after to (" + to + ")");
        }
        long periods =
                switch (per) {
                    case DAY -> ChronoUnit.DAYS.between(from, to);
                    case MONTH -> ChronoUnit.MONTHS.between(from, to);
                    case YEAR -> ChronoUnit.YEARS.between(from, to);
                };
        if (periods >= MAX_PERIODS) {
            throw new ArgusException.Invalid("from", "at most " + MAX_PERIODS + " periods at a time");
        }
        LocalDate first = per.start(from);
        LocalDate last = per.next(per.start(to)).minusDays(1);
        return new AvailabilityView(
                node.fullName(),
                per.label(),
                first,
                last,
                Availability.summarise(
                        history.days(node.id(), first, last),
                        board.state(node.id()).orElse(null),
                        Instant.now(),
                        per,
                        from,
                        to));
    }

    public SamplesView samples(TreeNode node, String resolutionText, String fromText, String toText) {
        Resolution resolution = resolution(resolutionText);
        Instant now = Instant.now();
        Instant to = toText == null ? now : instant("to", toText);
        Instant from = fromText != null
                ? instant("from", fromText)
                : to.minus(
                        switch (resolution) {
                            case MINUTE -> Duration.ofDays(1);
                            case HOUR -> Duration.ofDays(7);
                            case DAY -> Duration.ofDays(365);
                        });
        if (!from.isBefore(to)) {
            throw new ArgusException.Invalid("from", "from (" + from + ") must be before to (" + to + ")");
        }
        Instant firstBucket = resolution.start(from);
        if (Duration.between(firstBucket, to).dividedBy(Duration.between(firstBucket, resolution.end(firstBucket)))
                > MAX_BUCKETS) {
            throw new ArgusException.Invalid("from", "at most " + MAX_BUCKETS + " buckets at a time");
        }
        List<Sample> samples = new ArrayList<>(history.samples(node.id(), resolution, firstBucket, to));
        board.currentSample(node.id(), resolution, now)
                .filter(s -> s.start().isBefore(to) && !s.start().isBefore(firstBucket))
                .ifPresent(current -> {
                    int last = samples.size() - 1;
                    if (last >= 0 && samples.get(last).start().equals(current.start())) {
                        samples.set(last, samples.get(last).plus(current, current.start()));
                    } else {
                        samples.add(current);
                    }
                });
        return new SamplesView(
                node.fullName(),
                resolution == Resolution.MINUTE ? "raw" : resolution.label(),
                firstBucket,
                to,
                samples.stream().map(SampleView::of).toList());
    }

    /** The services a "check now" covers: the object itself, everything under a group, an alias's target's. */
    public List<Long> servicesUnder(TreeNode node) {
        TreeNode root = node;
        if (node.kind() == ObjectKind.ALIAS) {
            root = board.graph()
                    .links()
                    .aliasTarget(node.id())
                    .flatMap(id -> board.tree().byId(id))
                    .orElse(null);
        }
        List<Long> services = new ArrayList<>();
        Deque<TreeNode> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            TreeNode n = todo.pop();
            if (n.kind() == ObjectKind.SERVICE) {
                services.add(n.id());
            }
            n.children().forEach(todo::push);
        }
        return services;
    }

    private static Resolution resolution(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "raw", "minute" -> Resolution.MINUTE;
            case "hour" -> Resolution.HOUR;
            case "day" -> Resolution.DAY;
            default ->
                throw new ArgusException.Invalid(
                        "resolution", "resolution must be raw, hour or day, not '" + text + "'");
        };
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ArgusException.Invalid(field, field + " must be a date like 2026-11-24, not '" + text + "'");
        }
    }

    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e2) {
                throw new ArgusException.Invalid(
                        field, field + " must be an instant like 2026-11-24T10:00:00Z or a date, not '" + text + "'");
            }
        }
    }
}
