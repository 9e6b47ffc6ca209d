package org.argusee.status.boundary;

import java.util.List;

/**
 * A batch of announced changes is stored and the board now shows it to readers ({@link StatusBoard#state}):
 * fired by {@link StatusWriter} after {@link StatusBoard#stored}, synchronously on its thread, outside any
 * transaction. For readers that render the current state (live pushes): at {@link StatusChanged}'s AFTER_SUCCESS
 * the board still shows the state before the batch, and a row rendered then would be the old one, with no later
 * event to correct it.
 *
 * @param changes the objects whose status, what they show, or override changed, in the batch's order
 */
public record StatusesShown(List<Shown> changes) {

    /** One object of the batch. */
    public record Shown(long objectId, String fullName) {}
}
