package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObjectKindTest {

    @Test
    void labelsAreTheStoredSpelling() {
        assertEquals("Top", ObjectKind.TOP.label());
        assertEquals("Service", ObjectKind.SERVICE.label());
        for (ObjectKind kind : ObjectKind.values()) {
            assertEquals(kind, ObjectKind.fromLabel(kind.label()));
        }
    }

    @Test
    void fromLabelIgnoresCase() {
        assertEquals(ObjectKind.GROUP, ObjectKind.fromLabel("group"));
        assertEquals(ObjectKind.ALIAS, ObjectKind.fromLabel("ALIAS"));
    }

    @Test
    void unknownLabelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ObjectKind.fromLabel("Folder"));
        assertThrows(IllegalArgumentException.class, () -> ObjectKind.fromLabel(null));
    }
}
