package org.argusee.notify.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.argusee.tree.control.TimeValue;

/**
 * The {@code escalate} parameter: steps separated by ';', each a time (minutes when it has no unit, else a
 * timespec) followed by destinations, as {@code 30 mail:manager; 60 mail:ceo}. A step whose time is bad is refused
 * with the step named.
 */
public record Escalation(long afterSeconds, List<Destination> destinations) {

    public Escalation {
        destinations = List.copyOf(destinations);
    }

    public static List<Escalation> parse(String value, Set<String> methods) {
        List<Escalation> steps = new ArrayList<>();
        if (value == null) {
            return steps;
        }
        for (String step : value.split(";")) {
            String[] words = step.strip().split("\\s+", 2);
            if (words[0].isEmpty()) {
                continue;
            }
            long seconds;
            try {
                seconds = words[0].chars().allMatch(Character::isDigit)
                        ? Long.parseLong(words[0]) * 60
                        : TimeValue.parseSeconds(words[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "escalate step '" + step.strip() + "': bad time '" + words[0]
                                + "' (minutes, or a timespec like 90s or 2h)",
                        e);
            }
            steps.add(new Escalation(seconds, Destination.parseAll(words.length > 1 ? words[1] : "", methods)));
        }
        return steps;
    }
}
