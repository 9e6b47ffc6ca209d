package org.argusee.notify.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.status.control.Severity;
import org.argusee.tree.control.TimeValue;

/**
 * The original's rules for whom a transition is told (Notify.pm new/init): {@code sendnotify} (services by default,
 * other objects only when set; never {@code passive} or {@code nostatus} ones), the destinations {@code
 * notify.<severity>} or {@code notifydn} (down), {@code notify.clear} or {@code notifyup} (up), else {@code notify},
 * plus {@code notifyalso}; the text from {@code messagedn}/{@code messageup} in {@code message_fmtdn}/{@code
 * message_fmtup}/{@code message_fmt}; renotify, escalation and the acknowledgement rules at the severity. The down
 * destinations follow the parameters' documentation: 3.7's code falls back from {@code notify.<severity>} to
 * {@code notify} before it looks at {@code notifydn}, so there {@code notifydn} counts only where no {@code notify}
 * is in force (docs/parity.md, "Notifications beside Argus 3.7").
 */
public final class NotifyRules {

    static final String DEFAULT_FORMAT = "%i %t - %m";
    static final int DEFAULT_RENOTIFY = 300;
    static final int DEFAULT_UNACK_TIMEOUT = 3600;
    private static final Logger LOG = Logger.getLogger(NotifyRules.class.getName());

    private NotifyRules() {}

    /** @return empty when nobody is to be told */
    public static Optional<NotifyPlan> plan(Telling telling, boolean service, ParamLookup p, Set<String> methods) {
        Severity sev = telling.severity();
        if (p.flag("nostatus", sev).orElse(false)
                || p.flag("passive", sev).orElse(false)
                || !p.flag("sendnotify", sev).orElse(service)) {
            return Optional.empty();
        }
        boolean down = telling.down();
        String message = down
                ? p.get("messagedn").orElse(MessageStyle.down(p.get("message_style")))
                : p.get("messageup").orElse(MessageStyle.up(p.get("message_style")));
        if (message.isBlank()) {
            return Optional.empty(); // the user asked for silence with an empty message
        }
        String format = p.get(down ? "message_fmtdn" : "message_fmtup")
                .or(() -> p.get("message_fmt"))
                .orElse(DEFAULT_FORMAT);
        List<Destination> to = new ArrayList<>(Destination.parseAll(destinations(telling, p), methods));
        for (Destination also : Destination.parseAll(p.get("notifyalso").orElse(null), methods)) {
            if (!to.contains(also)) {
                to.add(also);
            }
        }
        if (to.isEmpty()) {
            return Optional.empty();
        }
        boolean autoack = !down || p.flag("autoack", sev).orElse(false);
        return Optional.of(new NotifyPlan(
                telling,
                format,
                message,
                to,
                autoack,
                autoack ? null : seconds(p.atSeverity("renotify", sev), DEFAULT_RENOTIFY),
                autoack
                        ? null
                        : p.atSeverity("escalate", sev)
                                .filter(s -> !s.isBlank())
                                .orElse(null),
                p.flag("ackonup", sev).orElse(false),
                p.flag("ack_on_better", sev).orElse(false),
                p.flag("ack_on_worse", sev).orElse(false),
                seconds(p.get("unack_timeout"), DEFAULT_UNACK_TIMEOUT),
                p.atSeverity("priority", sev).orElse(null)));
    }

    private static String destinations(Telling telling, ParamLookup p) {
        Optional<String> v = telling.down()
                ? p.get("notify." + telling.severity().label()).or(() -> p.get("notifydn"))
                : p.get("notify.clear").or(() -> p.get("notifyup"));
        return v.or(() -> p.get("notify")).orElse(null);
    }

    /** A timespec; 0 means none; a bad value falls back to the default, with a warning. */
    static Integer seconds(Optional<String> value, int otherwise) {
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            long s = TimeValue.parseSeconds(value.get());
            return s <= 0 ? null : (int) Math.min(s, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            LOG.warning("Notification time '" + value.get() + "' is no timespec (" + e.getMessage() + "); using "
                    + otherwise + " s");
            return otherwise;
        }
    }
}
