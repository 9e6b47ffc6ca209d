package org.argusee.tree.boundary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/** Size, revision and problems of the live tree, as gauges. */
@ApplicationScoped
public class TreeMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    TreeCache cache;

    void register(@Observes Startup startup) {
        Gauge.builder("argus_tree_objects", cache, c -> c.snapshot().size())
                .description("Objects in the monitoring tree")
                .register(registry);
        Gauge.builder("argus_config_revision", cache, c -> c.snapshot().revision())
                .description("Revision of the configuration the server runs")
                .register(registry);
        Gauge.builder("argus_config_problems", cache, c -> c.snapshot()
                        .problems()
                        .size())
                .description("Configuration rows the server could not use")
                .register(registry);
    }
}
