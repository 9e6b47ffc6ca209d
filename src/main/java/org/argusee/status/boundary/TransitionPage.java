package org.argusee.status.boundary;

import java.util.List;

/**
 * A page of the transition log, newest first; {@code total} entries are kept (at most 200).
 *
 * @param withheld the log is not shown to this caller (a group with something hidden from them under it: its log
 *     tells of the hidden part's outages); then it is empty
 */
public record TransitionPage(int total, int offset, int limit, List<TransitionView> items, boolean withheld) {

    public TransitionPage(int total, int offset, int limit, List<TransitionView> items) {
        this(total, offset, limit, items, false);
    }

    /** The same page as a caller who may not see the log gets it. */
    public TransitionPage hidden() {
        return new TransitionPage(0, offset, limit, List.of(), true);
    }
}
