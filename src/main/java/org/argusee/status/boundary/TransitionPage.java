package org.argusee.status.boundary;

import java.util.List;

/** A page of the transition log, newest first; {@code total} entries are kept (at most 200). */
public record TransitionPage(int total, int offset, int limit, List<TransitionView> items) {}
