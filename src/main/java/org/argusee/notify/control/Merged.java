package org.argusee.notify.control;

import java.util.List;

/**
 * What one destination gets for the messages that queued up for it together (Notify.pm transmit): the one message
 * alone; several listed one a line (a blank line between when any has several lines) when the method says
 * {@code nolotsmsgs}; else a summary, "Lots of stuff just went DOWN!" when any of them is about a down and "Lots of
 * stuff just came UP!" when any is about an up ({@code message_lotsdn}, {@code message_lotsup}; both lines when
 * both happened, so a recovery is never hidden in a merge), followed by the first {@value #LISTED} messages.
 */
public final class Merged {

    public static final String LOTS_DOWN = "Lots of stuff just went DOWN!";
    public static final String LOTS_UP = "Lots of stuff just came UP!";
    static final int LISTED = 50;

    private Merged() {}

    public record Item(String message, boolean down) {}

    public static String text(List<Item> items, boolean nolots, String lotsDown, String lotsUp) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        if (items.size() == 1) {
            return items.get(0).message();
        }
        if (nolots) {
            boolean multiline = items.stream().anyMatch(i -> i.message().contains("\n"));
            return String.join(
                    multiline ? "\n\n" : "\n", items.stream().map(Item::message).toList());
        }
        StringBuilder out = new StringBuilder();
        if (items.stream().anyMatch(Item::down)) {
            out.append(lotsDown == null ? LOTS_DOWN : lotsDown).append('\n');
        }
        if (items.stream().anyMatch(i -> !i.down())) {
            out.append(lotsUp == null ? LOTS_UP : lotsUp).append('\n');
        }
        out.append('\n');
        items.stream().limit(LISTED).forEach(i -> out.append(i.message()).append('\n'));
        if (items.size() > LISTED) {
            out.append("... and ").append(items.size() - LISTED).append(" more\n");
        }
        return out.toString().stripTrailing();
    }
}
