package org.argusee.darp.control.wire;

/** A stream message that cannot be read: {@code code} for the error reply, the message says what and where. */
public final class BadMessage extends Exception {

    private final String code;

    public BadMessage(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
