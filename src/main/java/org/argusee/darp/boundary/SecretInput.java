package org.argusee.darp.boundary;

/** The body of PUT /darp/peers/{tag}/secret. */
public record SecretInput(String secret) {

    @Override
    public String toString() {
        return "SecretInput[secret=***]";
    }
}
