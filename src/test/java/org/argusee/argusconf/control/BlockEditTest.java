package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** One stored block's new text: exactly one block of its keyword, checked like an import, errors by line. */
class BlockEditTest {

    private static BlockEdit check(String text, String keyword) {
        return BlockEdit.check(text, keyword, ParameterCatalog.standard());
    }

    private static List<String> errors(BlockEdit edit) {
        return edit.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aMethodWithItsScheduleReadsBackAsWritten() {
        BlockEdit first = check(
                "Method \"mail\" {\n\tsend: To: %R\\n\n\tschedule permit {\n\t\t* 0900 - 1700 => yes\n\t}\n}\n",
                "Method");
        assertEquals(List.of(), errors(first));
        String text = ConfigWriter.write(first.block());
        BlockEdit again = check(text, "Method");
        assertEquals(List.of(), errors(again));
        assertEquals("mail", again.block().name());
        assertEquals(1, again.block().blocks().size());
        assertEquals(text, ConfigWriter.write(again.block()));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        BlockEdit edit = check("Method \"mail\" {\n\tcommand: x\n\tbogus \"y\" {\n\t}\n", "Method");
        assertNull(edit.block());
        assertEquals(
                List.of(
                        "block:3: ERROR: unknown block keyword 'bogus'",
                        "block:4: ERROR: unterminated block (opened at line 1)"),
                errors(edit));
    }

    @Test
    void theTextHoldsExactlyOneBlockOfTheStoredKeyword() {
        assertEquals(
                List.of("block:1: ERROR: this is a Method block; the text holds a Resolv block"
                        + " (add it as a new block)"),
                errors(check("Resolv {\n}\n", "Method")));
        assertEquals(
                List.of("block:1: ERROR: the text must hold exactly one cron block; it holds 2 blocks"),
                errors(check("cron \"a\" {\n\tfunc: x\n}\ncron \"b\" {\n\tfunc: y\n}\n", "cron")));
        assertEquals(
                List.of("block:1: ERROR: only the cron block belongs here: no objects, parameters or DARP block"),
                errors(check("frequency: 5\ncron \"a\" {\n\tfunc: x\n}\n", "cron")));
    }
}
