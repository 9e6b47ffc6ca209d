package org.argusee.status.boundary;

import java.time.Instant;
import java.util.List;

/** Result samples of a service at one resolution (raw = per minute, hour, day), buckets starting in [from, to). */
public record SamplesView(String fullName, String resolution, Instant from, Instant to, List<SampleView> samples) {}
