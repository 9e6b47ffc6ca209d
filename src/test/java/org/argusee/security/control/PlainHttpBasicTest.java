package org.argusee.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.security.control.PlainHttpBasic.Mode;
import org.junit.jupiter.api.Test;

class PlainHttpBasicTest {

    @Test
    void byDefaultOnlyLoopbackMaySendBasicOverPlainHttp() {
        for (String local : new String[] {"127.0.0.1", "127.4.5.6", "::1", "0:0:0:0:0:0:0:1", "[::1]"}) {
            assertTrue(PlainHttpBasic.refusal(Mode.LOOPBACK, false, local).isEmpty(), local);
        }
        for (String remote :
                new String[] {"10.0.0.5", "192.0.2.7", "2001:db8::1", "localhost", "", "::ffff:10.0.0.1"}) {
            String why = PlainHttpBasic.refusal(Mode.LOOPBACK, false, remote).orElseThrow();
            assertTrue(why.contains("argus.security.basic-over-http"), why);
        }
        assertTrue(PlainHttpBasic.refusal(Mode.LOOPBACK, false, null).isPresent());
    }

    @Test
    void httpsIsAlwaysTakenAllowTakesAllAndRefuseTakesNoPlainHttp() {
        assertTrue(PlainHttpBasic.refusal(Mode.REFUSE, true, "10.0.0.5").isEmpty());
        assertTrue(PlainHttpBasic.refusal(Mode.LOOPBACK, true, "10.0.0.5").isEmpty());
        assertTrue(PlainHttpBasic.refusal(Mode.ALLOW, false, "10.0.0.5").isEmpty());
        assertTrue(PlainHttpBasic.refusal(Mode.REFUSE, false, "127.0.0.1").isPresent());
    }

    @Test
    void theSettingIsParsedOrRefusedNamingItself() {
        assertEquals(Mode.REFUSE, PlainHttpBasic.parse(" Refuse "));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlainHttpBasic.parse("sometimes"));
        assertTrue(e.getMessage().startsWith("argus.security.basic-over-http: 'sometimes'"), e.getMessage());
        assertFalse(PlainHttpBasic.loopback("localhost"), "names are never looked up");
    }
}
