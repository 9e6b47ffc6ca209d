package org.argusee.probe.control.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.argusee.probe.control.Reply;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The DNS monitor's {@code test} parameter: what makes an answer good and which value the result checks
 * ({@code expect}, {@code pluck}, {@code minvalue}...) see. Every test but {@code none} wants rcode NOERROR and
 * fails with the rcode's name otherwise ("NXDOMAIN", "SERVFAIL", "REFUSED").
 *
 * <p>Values: {@code none} the rcode's name; {@code noerror} and {@code authok} the answer section (null when it is
 * empty, so an empty answer is not "no data received"); {@code serial} the SOA serial; {@code answer},
 * {@code authority}, {@code additional} the records' data of that section, separated by spaces ({@code 10.1.2.3},
 * {@code 10 mx1.example.com.}); {@code nanswers}, {@code nauthority}, {@code nadditional} how many records it
 * holds; {@code aaa} the data of all three sections.
 */
enum DnsTest {
    NONE,
    NOERROR,
    AUTHOK,
    SERIAL,
    ANSWER,
    NANSWERS,
    AUTHORITY,
    NAUTHORITY,
    ADDITIONAL,
    NADDITIONAL,
    AAA;

    /** @throws IllegalArgumentException naming the accepted values */
    static DnsTest parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad test '" + text + "': use one of " + names(), e);
        }
    }

    /** Whether a truncated answer is not enough: everything but {@code none} looks at the records. */
    boolean needsWholeAnswer() {
        return this != NONE;
    }

    /** The verdict on the server's response to our request (id, question and opcode already checked). */
    Reply judge(Message response, Duration elapsed) {
        int rcode = response.getRcode();
        if (this == NONE) {
            return Reply.ok(Rcode.string(rcode), elapsed);
        }
        if (rcode != Rcode.NOERROR) {
            return Reply.failed(Rcode.string(rcode), elapsed);
        }
        return switch (this) {
            case NONE, NOERROR -> Reply.ok(dataOrNull(response, Section.ANSWER), elapsed);
            case AUTHOK ->
                response.getHeader().getFlag(Flags.AA)
                        ? Reply.ok(dataOrNull(response, Section.ANSWER), elapsed)
                        : Reply.failed("not authoritative", elapsed);
            case SERIAL -> serial(response, elapsed);
            case ANSWER -> data(records(response, Section.ANSWER), "no answer", elapsed);
            case AUTHORITY -> data(records(response, Section.AUTHORITY), "no authority", elapsed);
            case ADDITIONAL -> data(records(response, Section.ADDITIONAL), "no additional", elapsed);
            case AAA -> data(all(response), "no answer", elapsed);
            case NANSWERS -> count(response, Section.ANSWER, elapsed);
            case NAUTHORITY -> count(response, Section.AUTHORITY, elapsed);
            case NADDITIONAL -> count(response, Section.ADDITIONAL, elapsed);
        };
    }

    private static Reply serial(Message response, Duration elapsed) {
        List<Record> answer = records(response, Section.ANSWER);
        if (answer.isEmpty()) {
            return Reply.failed("no answer", elapsed);
        }
        return answer.stream()
                .filter(SOARecord.class::isInstance)
                .map(r -> Reply.ok(Long.toString(((SOARecord) r).getSerial()), elapsed))
                .findFirst()
                .orElseGet(() -> Reply.failed("no SOA in answer", elapsed));
    }

    private static Reply data(List<Record> records, String none, Duration elapsed) {
        return records.isEmpty() ? Reply.failed(none, elapsed) : Reply.ok(join(records), elapsed);
    }

    private static Reply count(Message response, int section, Duration elapsed) {
        return Reply.ok(Integer.toString(records(response, section).size()), elapsed);
    }

    private static String dataOrNull(Message response, int section) {
        List<Record> records = records(response, section);
        return records.isEmpty() ? null : join(records);
    }

    private static List<Record> all(Message response) {
        List<Record> records = new ArrayList<>(records(response, Section.ANSWER));
        records.addAll(records(response, Section.AUTHORITY));
        records.addAll(records(response, Section.ADDITIONAL));
        return records;
    }

    /** A section's records; the EDNS OPT pseudo-record is about the message, not data. */
    private static List<Record> records(Message response, int section) {
        return response.getSection(section).stream()
                .filter(r -> r.getType() != Type.OPT)
                .toList();
    }

    private static String join(List<Record> records) {
        return records.stream().map(Record::rdataToString).collect(Collectors.joining(" "));
    }

    private static String names() {
        return Arrays.stream(values())
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
