package org.argusee.darp.control.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sockets waiting for their hello (issue 15, finding 5): capped per address and in all, released once. */
class PreHelloLimitsTest {

    @Test
    void capsPerAddressAndInAll() {
        PreHelloLimits limits = new PreHelloLimits(2, 3);
        assertTrue(limits.admit("198.51.100.7"));
        assertTrue(limits.admit("198.51.100.7"));
        assertFalse(limits.admit("198.51.100.7"), "per address");
        assertTrue(limits.admit("192.0.2.10"));
        assertFalse(limits.admit("203.0.113.1"), "in all");
        assertEquals(3, limits.waiting());
    }

    @Test
    void aReleaseFreesOnePlaceAndASecondReleaseNothing() {
        PreHelloLimits limits = new PreHelloLimits(1, 10);
        assertTrue(limits.admit("a"));
        limits.release("a");
        limits.release("a");
        limits.release("never-admitted");
        assertEquals(0, limits.waiting());
        assertTrue(limits.admit("a"));
        assertFalse(limits.admit("a"));
    }
}
