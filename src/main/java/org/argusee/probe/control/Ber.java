package org.argusee.probe.control;

import java.io.ByteArrayOutputStream;

/** The few BER (ASN.1) pieces an SNMP get needs, written and read by hand to avoid a library for one packet. */
final class Ber {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private final byte[] data;
    private int pos;

    /** A reader over {@code data}. */
    Ber(byte[] data) {
        this.data = data;
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = body.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] integer(int value) {
        int n = 4;
        // drop leading bytes that only repeat the sign
        while (n > 1 && ((value >> (8 * (n - 1) - 1)) == 0 || (value >> (8 * (n - 1) - 1)) == -1)) {
            n--;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (value >> (8 * (n - 1 - i)));
        }
        return tlv(INTEGER, b);
    }

    /** Reads a tag and length, leaving the position at the value. @throws IllegalArgumentException if malformed */
    int enter(int tag) {
        if (pos >= data.length || (data[pos] & 0xff) != tag) {
            throw new IllegalArgumentException("expected tag " + tag);
        }
        pos++;
        int first = next();
        int length = first;
        if (first >= 0x80) {
            int count = first & 0x7f;
            if (count < 1 || count > 3) {
                throw new IllegalArgumentException("bad length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | next();
            }
        }
        if (length > data.length - pos) {
            throw new IllegalArgumentException("truncated");
        }
        return length;
    }

    int readInt() {
        int length = enter(INTEGER);
        if (length < 1 || length > 4) {
            throw new IllegalArgumentException("bad integer");
        }
        int value = (byte) next(); // sign-extend the first byte
        for (int i = 1; i < length; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    void skip(int tag) {
        int length = enter(tag); // not "pos += enter(tag)": that adds to pos as it was before the header
        pos += length;
    }

    private int next() {
        if (pos >= data.length) {
            throw new IllegalArgumentException("truncated");
        }
        return data[pos++] & 0xff;
    }
}
