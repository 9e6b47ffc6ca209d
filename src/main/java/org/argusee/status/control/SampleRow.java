package org.argusee.status.control;

/** A closed bucket to store. An hour is also added to its day. */
public record SampleRow(long objectId, Resolution resolution, Sample sample) {}
