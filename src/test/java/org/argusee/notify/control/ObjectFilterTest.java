package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The list's object filter: a part of a name by default, its wildcards literal; blank is no filter. */
class ObjectFilterTest {

    @Test
    void aPartOfANameBecomesALikePatternWithItsWildcardsTakenLiterally() {
        assertEquals("%mail%", ObjectFilter.of(" mail ", false).likePattern());
        assertEquals("%50\\%\\_off\\\\x%", ObjectFilter.of("50%_off\\x", false).likePattern());
    }

    @Test
    void exactKeepsTheNameAsGiven() {
        ObjectFilter f = ObjectFilter.of("Top:a b ", true);
        assertTrue(f.exact());
        assertEquals("Top:a b ", f.text());
    }

    @Test
    void blankIsNoFilterAndTooLongIsRefusedNamingTheField() {
        assertNull(ObjectFilter.of(null, false));
        assertNull(ObjectFilter.of("  ", true));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ObjectFilter.of("x".repeat(ObjectFilter.MAX_LENGTH + 1), false));
        assertTrue(e.getMessage().startsWith("object: at most 4000 characters"), e.getMessage());
    }
}
