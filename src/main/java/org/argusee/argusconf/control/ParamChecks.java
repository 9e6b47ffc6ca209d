package org.argusee.argusconf.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterContexts;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterRule;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.TimeValue;

/**
 * Checks {@code key: value} lines with {@link ParameterValidator} in the context of the block they stand in,
 * so the same key is judged as the original would there: {@code port} in a DARP {@code master} block is the
 * master's port, not a service's. Bad times are worded as the original words them.
 */
final class ParamChecks {

    /** A DARP {@code master} block is a TCP service to the master, so a service's keys are fine in it. */
    static final Predicate<String> DARP_MASTER =
            ParameterContexts.inClass("DARP::Slave", "TCP", "Service", "MonEl", "Argus::IP");

    static final Predicate<String> DARP_SLAVE = ParameterContexts.inClass("DARP::Conf");
    /** Keys of the DARP block itself, and those common to its masters and slaves, which may be written there. */
    static final Predicate<String> DARP =
            ParameterContexts.inClass("DARP").or(DARP_SLAVE).or(DARP_MASTER);

    static final Predicate<String> METHOD = ParameterContexts.inClass("NotMe");
    /** The resolver is tested like a service: frequency and timeout apply to it. */
    static final Predicate<String> RESOLV = ParameterContexts.inClass("Argus::Resolv", "Service");

    private final ParameterCatalog catalog;
    private final DiagnosticLog log;
    private final Map<Predicate<String>, ParameterValidator> validators = new HashMap<>();

    ParamChecks(ParameterCatalog catalog, DiagnosticLog log) {
        this.catalog = catalog;
        this.log = log;
    }

    void check(List<ParsedParam> params, Predicate<String> context) {
        ParameterValidator validator = validators.computeIfAbsent(context, c -> new ParameterValidator(catalog, c));
        for (ParsedParam p : params) {
            List<ParameterIssue> issues = validator.check(p.key(), p.value());
            for (ParameterIssue issue : issues) {
                if (issue.severity() == ParameterIssue.Severity.WARNING) {
                    log.warning(p.location(), issue.message());
                } else {
                    log.error(p.location(), badTime(p, context).orElse(issue.message()));
                }
            }
            if (issues.isEmpty()) {
                NotUsedHere.list()
                        .parameter(p.key())
                        .ifPresent(why -> log.warning(
                                p.location(), "'" + p.key() + "' accepted, not used by this server: " + why));
            }
        }
    }

    /** A {@code schedule NAME} block is the parameter {@code schedule NAME} of the list. */
    void schedule(String name, Location at, Predicate<String> context) {
        if (!catalog.isKnownIn("schedule " + name, context)) {
            log.warning(at, "unused parameter 'schedule " + name + "' - typo?");
        }
    }

    /** Keys written below Top that only the top level reads. */
    void notAtTop(List<ParsedParam> params) {
        for (ParsedParam p : params) {
            var definitions = catalog.definitions(p.key());
            if (!definitions.isEmpty() && definitions.stream().allMatch(d -> d.topOnly())) {
                log.warning(p.location(), "parameter '" + p.key() + "' only has an effect at top level");
            }
        }
    }

    private Optional<String> badTime(ParsedParam p, Predicate<String> context) {
        boolean timespec =
                catalog.rule(p.key(), context).map(ParameterRule::timespec).orElse(false);
        if (!timespec) {
            return Optional.empty();
        }
        try {
            TimeValue.parseSeconds(p.value());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid time value '" + p.value() + "' for '" + p.key() + "'");
        }
    }
}
