package org.argusee.status.boundary;

/**
 * Where a prober keeps the board's entry of one service between its replies ({@link StatusBoard#record(long, String,
 * java.util.Map, org.argusee.status.control.evaluation.RawResult, EntryPlace)}), so a reply needs no look-up by id:
 * the last cold map look-up of a reply at 20,000 services (issue 17, session 15). Read and written by the board
 * only, under its lock; the entry is the board's business (an opaque object to the prober).
 */
public interface EntryPlace {

    Object boardEntry();

    void boardEntry(Object entry);
}
