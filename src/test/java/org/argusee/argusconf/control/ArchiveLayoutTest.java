package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** Which file of an archive is the main one: a directory, a main file with includes, or the uploader's choice. */
class ArchiveLayoutTest {

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static final Map<String, byte[]> MAIN_WITH_INCLUDE = files(
            "config", "Group \"Servers\" {\n\tInclude \"web.inc\"\n}\n",
            "web.inc", "Host \"127.0.0.1\" {\n\tService TCP/HTTP\n}\n");

    @Test
    void filesThatIncludeNothingAtTopLevelAreADirectory() {
        ArchiveLayout layout =
                ArchiveLayout.choose(files("000_a", "Group \"A\" {\n}\n", "001_b", "Group \"B\" {\n}\n"), null);
        assertNull(layout.main());
        assertTrue(layout.how().contains("directory of 2"), layout.how());
    }

    @Test
    void theOneFileNobodyIncludesIsTheMainFile() {
        ArchiveLayout layout = ArchiveLayout.choose(MAIN_WITH_INCLUDE, "");
        assertEquals("config", layout.main());
        ParsedConfig parsed =
                ConfigParser.parse(ConfigSource.memory(MAIN_WITH_INCLUDE, layout.main(), ConfigLimits.defaults()));
        assertEquals(1, parsed.count(ObjectKind.HOST), "web.inc read once, inside the group");
        assertEquals(1, parsed.count(ObjectKind.GROUP));
    }

    @Test
    void includesResolveRelativeToTheRootAndCaseDoesNotMatter() {
        // as the reader opens them (Argus 3.7 opens an include from the base directory, whoever names it)
        Map<String, byte[]> files = files(
                "main.conf", "INCLUDE \"parts/a\"\n",
                "parts/a", "include b   # the next part\n",
                "b", "Group \"B\" {\n}\n");
        assertEquals(java.util.Set.of("parts/a", "b"), ArchiveLayout.included(files));
        assertEquals("main.conf", ArchiveLayout.choose(files, null).main());
    }

    @Test
    void severalFilesNobodyIncludesAreNamedInTheError() {
        Map<String, byte[]> files =
                files("one", "Include \"common\"\n", "two", "Include \"common\"\n", "common", "Group \"C\" {\n}\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ArchiveLayout.choose(files, null));
        assertTrue(e.getMessage().contains("unclear: one, two; name it (main=FILE)"), e.getMessage());
    }

    @Test
    void aUsualNameWinsAmongSeveralCandidates() {
        Map<String, byte[]> files = new LinkedHashMap<>(MAIN_WITH_INCLUDE);
        files.put("README", "notes\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("config", ArchiveLayout.choose(files, null).main());
    }

    @Test
    void aNamedMainFileIsTakenAndAMissingOneIsNamedInTheError() {
        Map<String, byte[]> files = files("000_a", "Group \"A\" {\n}\n", "sub/x", "Group \"X\" {\n}\n");
        assertEquals("sub/x", ArchiveLayout.choose(files, " ./sub/x ").main());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ArchiveLayout.choose(files, "config"));
        assertEquals("the archive has no file 'config'; it holds 000_a, sub/x", e.getMessage());
    }

    @Test
    void aMissingIncludeIsAnErrorWithFileAndLine() {
        Map<String, byte[]> files = files(
                "config", "Group \"G\" {\n\tInclude \"web.inc\"\n\tInclude \"gone.inc\"\n}\n",
                "web.inc", "Host \"127.0.0.1\" {\n}\n");
        ArchiveLayout layout = ArchiveLayout.choose(files, null);
        CheckedConfig checked = new ConfigChecker(ParameterCatalog.standard())
                .check(ConfigSource.memory(files, layout.main(), ConfigLimits.defaults()));
        assertEquals(
                List.of("config:3: ERROR: missing include file 'gone.inc'"),
                checked.errors().stream().map(Diagnostic::toString).toList());
    }
}
