package org.argusee.notify.control;

/**
 * Flapping: an object told of more than {@code limit} times within the window is told once that it flaps, then
 * kept quiet (its notifications stored, not sent) until the window has passed without that many. Argus 3.7 has no
 * such rule; Icinga does, and its users still report floods from objects that go up and down all day.
 */
public record Flapping(int limit, int windowMinutes) {

    public enum Verdict {
        TELL,
        TELL_AS_FLAPPING,
        KEEP_QUIET
    }

    /**
     * @param toldInWindow notifications of the object within the window before this one
     * @param flaggedInWindow whether one of them was already told as flapping
     */
    public Verdict of(int toldInWindow, boolean flaggedInWindow) {
        if (limit <= 0 || toldInWindow < limit) {
            return Verdict.TELL;
        }
        return flaggedInWindow ? Verdict.KEEP_QUIET : Verdict.TELL_AS_FLAPPING;
    }

    public String prefix(int toldInWindow) {
        return "FLAPPING (" + (toldInWindow + 1) + " changes in " + windowMinutes + " min, quiet until it settles): ";
    }
}
