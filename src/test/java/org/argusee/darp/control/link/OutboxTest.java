package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.argusee.darp.control.wire.ReportItem;
import org.junit.jupiter.api.Test;

/** Numbers are given once and kept; unsent states coalesce; a welcome resends what is unconfirmed. */
class OutboxTest {

    final Outbox outbox = new Outbox();

    @Test
    void itemsAreNumberedWhenSentAndDroppedWhenAcked() {
        outbox.add(item("Top:a", "down"));
        outbox.add(item("Top:b", "down"));
        assertEquals(List.of(1L, 2L), numbers(outbox.welcome(0)));
        assertEquals(2, outbox.pending(), "sent, not confirmed");
        outbox.ack(1);
        assertEquals(1, outbox.pending());
        outbox.ack(2);
        assertEquals(0, outbox.pending());
    }

    @Test
    void unsentStatesOfOneObjectCoalesce() {
        outbox.add(item("Top:a", "down"));
        outbox.add(item("Top:b", "down"));
        outbox.add(item("Top:a", "up"));
        List<ReportItem> sent = outbox.welcome(0);
        assertEquals(
                List.of("Top:b", "Top:a"), sent.stream().map(ReportItem::object).toList());
        assertEquals("up", sent.get(1).status());
        assertEquals(List.of(1L, 2L), numbers(sent));
    }

    @Test
    void aSentItemKeepsItsNumberAndContentAndIsResentAfterAWelcome() {
        outbox.add(item("Top:a", "down"));
        List<ReportItem> first = outbox.welcome(0);
        outbox.add(item("Top:a", "up"));
        List<ReportItem> second = outbox.takeNew();
        assertEquals(List.of(1L), numbers(first));
        assertEquals(List.of(2L), numbers(second));

        List<ReportItem> resent = outbox.welcome(0);
        assertEquals(List.of(1L, 2L), numbers(resent), "both again, in order");
        assertEquals(
                List.of("down", "up"), resent.stream().map(ReportItem::status).toList());
    }

    @Test
    void theMastersLastSeqConfirmsAndNumberingContinuesAboveIt() {
        outbox.add(item("Top:a", "down"));
        outbox.add(item("Top:b", "down"));
        outbox.welcome(0);
        outbox.add(item("Top:c", "down"));

        List<ReportItem> after = outbox.welcome(1);
        assertEquals(List.of(2L, 3L), numbers(after), "1 was applied; 2 resent; the new one numbered after");
    }

    @Test
    void anAckSaysWhichItemsTheMasterAppliedAndAWelcomeToo() {
        outbox.add(item("Top:a", "down"));
        outbox.add(item("Top:b", "down"));
        outbox.welcome(0);
        outbox.add(item("Top:c", "down"));
        outbox.takeNew();
        assertEquals(List.of("Top:a"), objects(outbox.ack(1)));
        assertEquals(List.of(), outbox.ack(1), "acks are cumulative: nothing new");
        List<ReportItem> applied = new java.util.ArrayList<>();
        assertEquals(List.of(3L), numbers(outbox.welcome(2, applied)));
        assertEquals(List.of("Top:b"), objects(applied), "the welcome's last number applied it");
    }

    @Test
    void aRestartedSlaveNumbersAboveWhatTheMasterHasApplied() {
        outbox.add(item("Top:a", "down"));
        assertEquals(List.of(501L), numbers(outbox.welcome(500)));
        assertEquals(501, outbox.lastNumber());
    }

    private static ReportItem item(String object, String status) {
        return new ReportItem(
                0,
                object,
                status,
                status.equals("up") ? "clear" : "major",
                null,
                Instant.parse("2026-11-24T10:00:00Z"),
                false);
    }

    private static List<String> objects(List<ReportItem> items) {
        return items.stream().map(ReportItem::object).toList();
    }

    private static List<Long> numbers(List<ReportItem> items) {
        return items.stream().map(ReportItem::seq).toList();
    }
}
