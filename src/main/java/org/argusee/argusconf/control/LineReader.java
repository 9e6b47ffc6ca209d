package org.argusee.argusconf.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.argusee.argusconf.control.model.Location;

/**
 * Physical lines to {@link LogicalLine}s. A file whose first line starts {@code #!} (the original ran it as a program
 * and read its output) is one error and not read. {@code #} starts a comment unless written {@code \#}; a line
 * ending in {@code \} goes on with the next one. Every physical line is trimmed before joining (whitespace
 * before the {@code \} is kept), so a mail template split over indented lines has no stray tabs. Blank
 * statements are skipped. Bytes are UTF-8, a malformed sequence becomes U+FFFD. Only one line is held at a
 * time, and never more than the limit of it: the rest of an over-long line is read past and reported.
 */
final class LineReader {

    private final InputStream in;
    private final String file;
    private final int maxLength;
    private final DiagnosticLog log;
    private final byte[] buffer = new byte[8192];
    /** The physical line being read (a plain array: ByteArrayOutputStream locks on every byte). */
    private byte[] bytes = new byte[256];

    private int position;
    private int filled;
    private int lineNumber;
    private boolean eof;
    private boolean cut;

    LineReader(InputStream in, String file, int maxLength, DiagnosticLog log) {
        this.in = in;
        this.file = file;
        this.maxLength = maxLength;
        this.log = log;
    }

    /** The next statement, or null at the end of the file (also after a read error, which is reported). */
    LogicalLine next() {
        while (true) {
            StringBuilder joined = null;
            int start = 0;
            boolean tooLong = false;
            String physical;
            while ((physical = physicalLine()) != null) {
                if (lineNumber == 1 && physical.startsWith("#!")) {
                    // the original ran such a file and read its output; here that would run code from an upload
                    log.error(
                            new Location(file, 1),
                            "a generated config ('" + ConfigParser.shorten(physical) + "') is not run by this server:"
                                    + " run the program and import its output");
                    eof = true;
                    return null;
                }
                String text = stripComment(physical).trim();
                boolean continued = text.endsWith("\\");
                if (continued) {
                    text = text.substring(0, text.length() - 1);
                }
                if (joined == null) {
                    if (text.isEmpty() && !continued) {
                        continue;
                    }
                    joined = new StringBuilder();
                    start = lineNumber;
                }
                tooLong |= cut || joined.length() + text.length() > maxLength;
                if (!tooLong) {
                    joined.append(text);
                }
                if (!continued) {
                    break;
                }
            }
            if (joined == null) {
                return null;
            }
            if (tooLong) {
                log.error(new Location(file, start), "line longer than " + maxLength + " characters; ignored");
                continue;
            }
            String text = joined.toString().trim();
            if (!text.isEmpty()) {
                return new LogicalLine(file, start, text);
            }
        }
    }

    /** The number of the last physical line read. */
    int lineNumber() {
        return lineNumber;
    }

    /** Cuts at the first {@code #} not written as {@code \#}. */
    static String stripComment(String line) {
        int from = 0;
        int hash;
        while ((hash = line.indexOf('#', from)) >= 0) {
            if (hash == 0 || line.charAt(hash - 1) != '\\') {
                return line.substring(0, hash);
            }
            from = hash + 1;
        }
        return line;
    }

    /** Null at the end; sets {@link #cut} if the line was longer than the limit and only its start is kept. */
    private String physicalLine() {
        if (eof) {
            return null;
        }
        int size = 0;
        cut = false;
        boolean any = false;
        int b;
        while ((b = read()) >= 0 && b != '\n') {
            any = true;
            if (size < maxLength) {
                if (size == bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.min(maxLength, size * 2));
                }
                bytes[size++] = (byte) b;
            } else {
                cut = true;
            }
        }
        if (b < 0) {
            eof = true;
            if (!any) {
                return null;
            }
        }
        lineNumber++;
        String line = new String(bytes, 0, size, StandardCharsets.UTF_8);
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line;
    }

    private int read() {
        if (position == filled) {
            try {
                filled = in.read(buffer, 0, buffer.length);
            } catch (IOException | RuntimeException e) {
                log.error(new Location(file, lineNumber + 1), "cannot read '" + file + "': " + e.getMessage());
                filled = -1;
            }
            position = 0;
            if (filled <= 0) {
                filled = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }
}
