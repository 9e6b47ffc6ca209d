package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"yes", "true", "on", "1", "YES", "True", " on "})
    void trueWords(String text) {
        assertTrue(BooleanValue.parse(text));
        assertTrue(BooleanValue.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "false", "off", "0", "NO", "False"})
    void falseWords(String text) {
        assertFalse(BooleanValue.parse(text));
        assertTrue(BooleanValue.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "y", "n", "2", "yess", "enabled"})
    void others(String text) {
        assertFalse(BooleanValue.isValid(text));
        assertThrows(IllegalArgumentException.class, () -> BooleanValue.parse(text));
    }

    @Test
    void nullIsNotABoolean() {
        assertFalse(BooleanValue.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> BooleanValue.parse(null));
    }
}
