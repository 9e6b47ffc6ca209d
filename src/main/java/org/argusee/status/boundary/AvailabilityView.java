package org.argusee.status.boundary;

import java.time.LocalDate;
import java.util.List;
import org.argusee.status.control.AvailabilityPeriod;

/** Availability of an object per day, month or year (UTC), oldest period first. */
public record AvailabilityView(
        String fullName, String per, LocalDate from, LocalDate to, List<AvailabilityPeriod> periods) {}
