package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void commentsAndBlankLinesGo() {
        Reading r = Reading.text("\n# a comment\n  key: value   # trailing\n\n\t\nother: x\n");
        assertEquals(List.of("config:3 key: value", "config:6 other: x"), r.located());
        assertEquals(List.of(), r.diagnostics);
    }

    @Test
    void escapedHashIsNoComment() {
        Reading r = Reading.text("expect: C\\# rocks # but this goes\n");
        assertEquals(List.of("expect: C\\# rocks"), r.texts());
        assertEquals("expect: C# rocks", Escapes.decode(r.texts().get(0)));
    }

    @Test
    void continuationJoinsTrimmedLinesAndKeepsTheFirstLineNumber() {
        Reading r = Reading.text("a: 1\nsend:\t\tTo: %R\\n\\\n\tFrom: %F\\n\\\n\n\t%M\\n\nb: 2\n");
        assertEquals(
                List.of("config:1 a: 1", "config:2 send:\t\tTo: %R\\nFrom: %F\\n", "config:5 %M\\n", "config:6 b: 2"),
                r.located());
    }

    @Test
    void spaceBeforeTheBackslashIsKept() {
        assertEquals(
                List.of("label: one two"),
                Reading.text("label: one \\\n    two\n").texts());
    }

    @Test
    void commentEndsALineBeforeTheContinuationIsSeen() {
        assertEquals(
                List.of("a: xb: y"),
                Reading.text("a: x\\  # comment after the backslash\nb: y\n").texts());
    }

    @Test
    void crlfBomAndLastLineWithoutNewline() {
        Reading r = Reading.text("\uFEFFa: 1\r\nb: 2\r\nc: 3");
        assertEquals(List.of("config:1 a: 1", "config:2 b: 2", "config:3 c: 3"), r.located());
    }

    @Test
    void continuationAtEndOfFileStillGivesTheLine() {
        assertEquals(List.of("a: 1"), Reading.text("a: 1\\\n").texts());
    }

    @Test
    void overlongLineIsReportedAndSkipped() {
        ConfigLimits limits = ConfigLimits.defaults().withMaxLineLength(100);
        String text = "a: 1\nb: " + "x".repeat(5000) + "\nc: 3\n";
        Reading r = Reading.of(ConfigSource.memory(Reading.files("config", text), "config", limits));
        assertEquals(List.of("config:1 a: 1", "config:3 c: 3"), r.located());
        assertEquals(List.of("config:2: ERROR: line longer than 100 characters; ignored"), r.messages());
    }

    @Test
    void overlongContinuedLineIsReportedOnce() {
        ConfigLimits limits = ConfigLimits.defaults().withMaxLineLength(100);
        String text = ("y".repeat(60) + "\\\n").repeat(5) + "end\nc: 3\n";
        Reading r = Reading.of(ConfigSource.memory(Reading.files("config", text), "config", limits));
        assertEquals(List.of("config:7 c: 3"), r.located());
        assertEquals(1, r.diagnostics.size());
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        byte[] bytes = {'a', ':', ' ', (byte) 0xff, (byte) 0xc3, '\n'};
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), "f", 1000, new DiagnosticLog(10));
        assertEquals("a: \uFFFD\uFFFD", reader.next().text());
        assertEquals(null, reader.next());
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[random.nextInt(3000)];
            random.nextBytes(bytes);
            DiagnosticLog log = new DiagnosticLog(10);
            LineReader reader = new LineReader(new ByteArrayInputStream(bytes), "f", 200, log);
            int count = 0;
            while (reader.next() != null) {
                count++;
            }
            assertTrue(count <= bytes.length);
        }
    }

    @Test
    void decodesTheOriginalsEscapesOnly() {
        assertEquals("a\nb\rc#d", Escapes.decode("a\\nb\\rc\\#d"));
        assertEquals("AB", Escapes.decode("\\x41\\x42"));
        assertEquals("argus-3\\.5\\.tgz", Escapes.decode("argus-3\\.5\\.tgz"));
        assertEquals("\\xZ1 \\x4", Escapes.decode("\\xZ1 \\x4"));
        assertEquals("\\", Escapes.decode("\\"));
        assertEquals("\\n", Escapes.decode("\\x5cn"));
        assertEquals("(\\d+) active", Escapes.decode("(\\d+) active"));
    }

    @Test
    void encodeReadsBackTheSame() {
        List<String> values = new ArrayList<>(List.of(
                "plain",
                "To: %R\nFrom: %F\n\n%M\n",
                "C# and \\# and \\",
                " leading and trailing\t",
                "\\x41 is not A",
                "quote \" in",
                "ctl \u0001 \u007f \u0085 end",
                "tab\tinside",
                "",
                "ends with \\",
                "unicode \u00e9\u4e2d\u2003"));
        Random random = new Random(7);
        String alphabet = "ab \t\\#nrx5c\"\n\r:{}\u0001\u00e9";
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        for (String value : values) {
            String line = "key: " + Escapes.encode(value);
            List<String> read = Reading.text(line + "\n").texts();
            String back = read.isEmpty()
                    ? ""
                    : Escapes.decode(read.get(0).substring("key:".length()).trim());
            assertEquals(value, back, () -> "through " + line);
            String quoted = Escapes.encodeQuoted(value);
            assertTrue(quoted.indexOf('"') < 0 && quoted.indexOf('\n') < 0, quoted);
            assertEquals(value, Escapes.decode(quoted));
        }
    }

    @Test
    void physicalLineNumbersCountEveryLine() {
        String text = "a: 1\n".repeat(1000) + "last: x\n";
        Reading r = Reading.of(ConfigSource.memory(Reading.files("f", text), "f", ConfigLimits.defaults()));
        assertEquals("f:1001 last: x", r.located().get(1000));
        byte[] utf = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf.length, text.length());
    }
}
