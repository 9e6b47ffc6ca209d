package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void fileSourceNamesLinesByFileName() throws IOException {
        Files.writeString(dir.resolve("argus.conf"), "a: 1\n");
        assertEquals(
                List.of("argus.conf:1 a: 1"),
                Reading.of(ConfigSource.of(dir.resolve("argus.conf"))).located());
    }

    @Test
    void directoryIsReadSortedSkippingBackupsHiddenAndCvs() throws IOException {
        for (String name :
                List.of("020_b", "010_a", ".hidden", "#autosave#", "010_a~", "old.bkp", "CVS", "CVSROOT_x")) {
            Files.writeString(dir.resolve(name), "from: " + name + "\n");
        }
        Files.createDirectory(dir.resolve("000_subdir"));
        Files.writeString(dir.resolve("000_subdir/inner"), "from: inner\n");
        assertEquals(
                List.of("from: 010_a", "from: 020_b"),
                Reading.of(ConfigSource.of(dir)).texts());
    }

    @Test
    void emptyDirectoryIsAnError() {
        assertEquals(
                List.of(".:0: ERROR: the configuration directory holds no files"),
                Reading.of(ConfigSource.of(dir)).messages());
    }

    @Test
    void missingFileIsAnError() {
        Reading r = Reading.of(ConfigSource.of(dir.resolve("nope")));
        assertEquals(List.of("nope:0: ERROR: configuration file 'nope' not found"), r.messages());
    }

    @Test
    void memorySourceReadsRootEntriesAsADirectory() {
        Map<String, byte[]> files =
                Reading.files("b", "from: b\n", "./a", "from: a\n", "sub/c", "from: c\n", "a~", "from: backup\n");
        assertEquals(
                List.of("from: a", "from: b"),
                Reading.of(ConfigSource.memory(files, ConfigLimits.defaults())).texts());
    }

    @Test
    void uploadEntriesOutsideTheRootAreRefused() {
        Map<String, byte[]> files = Reading.files(
                "config", "Include \"../etc/passwd\"\n", "../etc/passwd", "root: x\n", "/etc/shadow", "x: y\n");
        Reading r = Reading.of(ConfigSource.memory(files, "config", ConfigLimits.defaults()));
        assertEquals(List.of("Include \"../etc/passwd\""), r.texts());
        assertEquals(
                List.of(
                        "../etc/passwd:0: ERROR: file '../etc/passwd' is outside the configuration; ignored",
                        "/etc/shadow:0: ERROR: file '/etc/shadow' is outside the configuration; ignored",
                        "config:1: ERROR: include file '../etc/passwd' is outside the configuration; ignored"),
                r.messages());
    }

    @Test
    void includesResolveRelativeToTheRootAsArgus37OpensThem() {
        // Conf::openfile opens an include from the configuration's base directory, whichever file names it
        Map<String, byte[]> files = Reading.files(
                "main",
                "a: 1\nInclude \"sub/first\"\nz: 26\n",
                "sub/first",
                "b: 2\ninclude \"sub/second\"\nc: 3\n",
                "sub/second",
                "d: 4\nInclude \"last\"\n",
                "last",
                "e: 5\n");
        Reading r = Reading.of(ConfigSource.memory(files, "main", ConfigLimits.defaults()));
        assertEquals(
                List.of(
                        "main:1 a: 1",
                        "main:2 Include \"sub/first\"",
                        "sub/first:1 b: 2",
                        "sub/first:2 include \"sub/second\"",
                        "sub/second:1 d: 4",
                        "sub/second:2 Include \"last\"",
                        "last:1 e: 5",
                        "sub/first:3 c: 3",
                        "main:3 z: 26"),
                r.located());
        assertEquals(List.of("last:1", "sub/second:2", "sub/first:3", "main:3"), r.ended);
        assertEquals(List.of(), r.diagnostics);
    }

    @Test
    void missingIncludeIsNamed() {
        Reading r = Reading.text("Include \"nowhere\"\na: 1\n");
        assertEquals(List.of("config:1: ERROR: missing include file 'nowhere'"), r.messages());
        assertEquals(2, r.lines.size());
    }

    @Test
    void includeLoopNamesTheChain() {
        Map<String, byte[]> files =
                Reading.files("a", "Include \"b\"\n", "b", "Include \"c\"\n", "c", "Include \"a\"\n");
        Reading r = Reading.of(ConfigSource.memory(files, "a", ConfigLimits.defaults()));
        assertEquals(List.of("c:1: ERROR: include loop: a -> b -> c -> a; ignored"), r.messages());
    }

    @Test
    void selfIncludeIsALoop() {
        Reading r = Reading.text("Include \"config\"\n");
        assertEquals(List.of("config:1: ERROR: include loop: config -> config; ignored"), r.messages());
    }

    @Test
    void sameFileTwiceSideBySideIsNoLoop() {
        Map<String, byte[]> files = Reading.files("a", "Include \"b\"\nInclude \"b\"\n", "b", "x: 1\n");
        Reading r = Reading.of(ConfigSource.memory(files, "a", ConfigLimits.defaults()));
        assertEquals(
                List.of("x: 1", "x: 1"),
                r.texts().stream().filter(t -> t.startsWith("x")).toList());
        assertEquals(List.of(), r.diagnostics);
    }

    @Test
    void includeDepthIsLimitedTo50() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i <= 60; i++) {
            files.put("f" + i, ("depth: " + i + "\nInclude \"f" + (i + 1) + "\"\n").getBytes(StandardCharsets.UTF_8));
        }
        Reading r = Reading.of(ConfigSource.memory(files, "f0", ConfigLimits.defaults()));
        assertTrue(r.texts().contains("depth: 50"));
        assertTrue(!r.texts().contains("depth: 51"));
        assertEquals(List.of("f50:2: ERROR: includes nested deeper than 50; 'f51' ignored"), r.messages());
    }

    @Test
    void includeDepthLimitIsConfigurable() {
        Map<String, byte[]> files = Reading.files("a", "Include \"b\"\n", "b", "Include \"c\"\n", "c", "x: 1\n");
        Reading r = Reading.of(
                ConfigSource.memory(files, "a", ConfigLimits.defaults().withMaxIncludeDepth(1)));
        assertEquals(List.of("b:1: ERROR: includes nested deeper than 1; 'c' ignored"), r.messages());
    }

    @Test
    void absoluteIncludeOutsideTheRootIsRefusedOnDisk() throws IOException {
        Path root = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(dir.resolve("secret"), "password: x\n");
        Files.writeString(root.resolve("config"), "Include \"" + dir.resolve("secret") + "\"\nInclude \"../secret\"\n");
        Reading r = Reading.of(ConfigSource.of(root.resolve("config")));
        assertEquals(2, r.diagnostics.size());
        assertTrue(
                r.diagnostics.stream().allMatch(d -> d.message().contains("outside the configuration")),
                r.messages()::toString);
    }

    @Test
    void symbolicLinkOutOfTheRootIsRefused() throws IOException {
        Path root = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(dir.resolve("secret"), "password: x\n");
        Files.createSymbolicLink(root.resolve("link"), dir.resolve("secret"));
        Files.writeString(root.resolve("config"), "Include \"link\"\n");
        Reading r = Reading.of(ConfigSource.of(root.resolve("config")));
        assertEquals(
                List.of("config:1: ERROR: 'link' leads outside the configuration directory; ignored"), r.messages());
        assertEquals(List.of("Include \"link\""), r.texts());
    }

    @Test
    void mainFileThatIsALinkIsReadFromWhereItPoints() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Files.writeString(real.resolve("config"), "Include \"part\"\n");
        Files.writeString(real.resolve("part"), "a: 1\n");
        Files.createSymbolicLink(dir.resolve("config"), real.resolve("config"));
        Reading r = Reading.of(ConfigSource.of(dir.resolve("config")));
        assertEquals(List.of(), r.diagnostics);
        assertEquals(List.of("config:1 Include \"part\"", "part:1 a: 1"), r.located());
    }

    @Test
    void fileCountIsLimited() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("main", "Include \"x\"\n".repeat(20).getBytes(StandardCharsets.UTF_8));
        files.put("x", "a: 1\n".getBytes(StandardCharsets.UTF_8));
        Reading r = Reading.of(
                ConfigSource.memory(files, "main", ConfigLimits.defaults().withMaxFiles(5)));
        assertEquals(List.of("main:5: ERROR: more than 5 files; reading stopped"), r.messages());
        assertEquals(4, r.texts().stream().filter(t -> t.equals("a: 1")).count());
    }

    @Test
    void fiftyMegabytesStopAtTheByteLimitWithAnError() {
        byte[] big = new byte[50 * 1024 * 1024];
        byte[] line = "Group \"g\" {\n}\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < big.length; i++) {
            big[i] = line[i % line.length];
        }
        ConfigLimits limits = ConfigLimits.defaults().withMaxBytes(4 * 1024 * 1024);
        Reading r = Reading.of(ConfigSource.memory(Map.of("config", big), "config", limits));
        assertEquals(1, r.diagnostics.size());
        assertTrue(
                r.diagnostics.get(0).message().equals("configuration larger than 4 MiB; reading stopped here"),
                r.messages()::toString);
        assertTrue(r.lines.size() < 4 * 1024 * 1024 / 6);
    }

    @Test
    void theLimitCountsIncludesAcrossFiles() {
        Map<String, byte[]> files = Reading.files(
                "main", "Include \"x\"\nInclude \"x\"\nInclude \"x\"\n", "x", "a: " + "1".repeat(400) + "\n");
        Reading r = Reading.of(
                ConfigSource.memory(files, "main", ConfigLimits.defaults().withMaxBytes(1024)));
        assertEquals(List.of("x:1: ERROR: configuration larger than 1 KiB; reading stopped here"), r.messages());
    }

    @Test
    void aFileOfExactlyTheLimitIsFine() {
        byte[] exact = "a: 1\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Reading r = Reading.of(ConfigSource.memory(
                Map.of("c", exact), "c", ConfigLimits.defaults().withMaxBytes(exact.length)));
        assertEquals(List.of(), r.diagnostics);
        assertEquals(200, r.lines.size());
    }

    @Test
    void fiftyMegabytesOfCommentsOnDiskAreStreamedWithinTheDefaultLimit() throws IOException {
        Path file = dir.resolve("big");
        byte[] block = ("# " + "c".repeat(1021) + "\n").repeat(1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("last: 1\n".getBytes(StandardCharsets.UTF_8));
        }
        Reading r = Reading.of(ConfigSource.of(file));
        assertEquals(List.of("big:51201 last: 1"), r.located());
        assertEquals(List.of(), r.diagnostics);
    }
}
