package org.argusee.status.control;

import java.time.LocalDate;

/**
 * Availability over one period, from {@code start} up to (not including) {@code end}: seconds up and down while
 * the object's status was known, the shares of each in percent (null when nothing was known), and how many
 * times it went down.
 */
public record AvailabilityPeriod(
        LocalDate start,
        LocalDate end,
        double upSeconds,
        double downSeconds,
        int timesDown,
        Double upPercent,
        Double downPercent) {}
