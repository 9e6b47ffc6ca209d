package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    private static final Instant AT = Instant.parse("2026-12-06T03:04:05Z");
    private static final MessageText.Facts FACTS = new MessageText.Facts(
            42,
            "Top:Servers:www:HTTP",
            "down",
            "critical",
            "high",
            "connection refused",
            AT,
            "master1",
            ZoneId.of("UTC"));
    private static final ParamLookup PARAMS =
            k -> Optional.ofNullable(Map.of("label", "web", "port", "80").get(k));

    @Test
    void theDefaultFormatWithTheFriendlyMessage() {
        String text = MessageText.message(NotifyRules.DEFAULT_FORMAT, "%o{label} is DOWN - %r", FACTS, PARAMS);
        assertEquals("42 06/Dec 03:04 - web is DOWN - connection refused", text);
    }

    @Test
    void everyLowerCaseSequence() {
        assertEquals(
                "Top:Servers:www:HTTP DOWN critical high master1 80 Param Not Found 2026-12-06 03:04:05 +0000 %q",
                MessageText.message("%o %s %y %p %d %o{port} %o{nosuch} %t{%Y-%m-%d %T} %z %q", "", FACTS, PARAMS));
    }

    @Test
    void theMethodsSequences() {
        Destination to = new Destination("qpage", "bob");
        assertEquals(
                "qpage -p bob -f argus@x [42] web is down RESENT (qpage, 2, down/critical) 06/Dec 03:04",
                MessageText.forMethod(
                        "qpage -p %R -f %F [%I] %M%E (%N, %C, %S/%Y) %T",
                        FACTS, PARAMS, to, "web is down", " RESENT", "argus@x", 2));
        assertEquals("web/80", MessageText.forMethod("%O{label}/%O{port}", FACTS, PARAMS, to, "", "", "", 1));
        assertEquals("Top:Servers:www:HTTP", MessageText.forMethod("%O%&", FACTS, null, to, "", "", "", 1));
    }

    @Test
    void strftimeConversions() {
        assertEquals(
                "Sun Dec 06 03:04:05 AM 26 340 %",
                Strftime.format("%a %b %d %H:%M:%S %p %y %j %%", AT.atZone(ZoneId.of("UTC"))));
        assertEquals("+0100", Strftime.format("%z", AT.atZone(ZoneId.of("Europe/Paris"))));
    }

    @Test
    void storms() {
        Merged.Item down = new Merged.Item("a is DOWN", true);
        Merged.Item up = new Merged.Item("b is UP", false);
        assertEquals("a is DOWN", Merged.text(List.of(down), false, null, null));
        String both = Merged.text(List.of(down, up), false, null, null);
        assertTrue(both.startsWith(Merged.LOTS_DOWN + "\n" + Merged.LOTS_UP), both);
        assertTrue(both.contains("b is UP"), "a recovery is never lost in a merge: " + both);
        assertEquals("a is DOWN\nb is UP", Merged.text(List.of(down, up), true, null, null));
        assertEquals(
                "Many down",
                Merged.text(List.of(down, down), false, "Many down", null)
                        .lines()
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void backoffDoublesUpToTenMinutes() {
        assertEquals(Duration.ofSeconds(10), Backoff.after(1));
        assertEquals(Duration.ofSeconds(20), Backoff.after(2));
        assertEquals(Duration.ofSeconds(80), Backoff.after(4));
        assertEquals(Duration.ofMinutes(10), Backoff.after(30));
        assertEquals(Duration.ofSeconds(2), Backoff.after(2, Duration.ofSeconds(1)));
    }
}
