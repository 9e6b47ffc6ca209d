package org.argusee.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Messages as Yasson and RESTEasy write them (taken from answers of this server before the change). */
class CallerTextTest {

    @Test
    void qualifiedClassNamesBecomeSimpleNames() {
        assertEquals(
                "Cannot create instance of a class: OverrideInput, No default constructor found.",
                CallerText.of("Cannot create instance of a class: class org.argusee.status.boundary.OverrideInput,"
                        + " No default constructor found."));
        assertEquals(
                "Unable to deserialize property 'text' because of: Cannot deserialize JSON value to String",
                CallerText.of("Unable to deserialize property 'text' because of: Cannot deserialize JSON value to"
                        + " java.lang.String"));
        assertEquals("Inner of Outer", CallerText.of("Inner of org.argusee.x.Outer$Inner"));
    }

    @Test
    void frameworkCodesGoAndWhereTheInputWentWrongStays() {
        assertEquals(
                "Could not find resource for full path: http://127.0.0.1:8080/api/nothing",
                CallerText.of(
                        "RESTEASY003210: Could not find resource for full path: http://127.0.0.1:8080/api/nothing"));
        assertEquals(
                "Internal error: Unexpected char 39 at (line no=1, column no=1, offset=0)",
                CallerText.of("Internal error: Unexpected char 39 at (line no=1, column no=1, offset=0)"));
    }

    @Test
    void longTextsAreCutAndEmptyOnesSaySo() {
        String text = CallerText.of("x".repeat(5000));
        assertEquals(CallerText.MAX + 1, text.length());
        assertTrue(text.endsWith("…"));
        assertEquals("no further detail", CallerText.of(null));
    }
}
