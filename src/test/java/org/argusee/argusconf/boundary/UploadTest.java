package org.argusee.argusconf.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigParser;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.platform.control.ArgusException;
import org.argusee.tree.control.ObjectKind;
import org.junit.jupiter.api.Test;

/** The shared config-big directory uploaded as zip, tar and tar.gz reads as the directory itself does. */
class UploadTest {

    private static final ConfigLimits LIMITS = ConfigLimits.defaults();

    @Test
    void everyArchiveFormatReadsAsTheDirectory() throws IOException {
        ParsedConfig direct = ConfigParser.parse(ConfigSource.of(configBig()));
        for (String type : List.of(Upload.ZIP, Upload.TAR, Upload.GZIP, Upload.X_GZIP)) {
            ParsedConfig uploaded =
                    ConfigParser.parse(Upload.read(new ByteArrayInputStream(archive(type)), type, LIMITS));
            for (ObjectKind kind : ObjectKind.values()) {
                assertEquals(direct.count(kind), uploaded.count(kind), type + " " + kind);
            }
            assertTrue(uploaded.count(ObjectKind.SERVICE) > 500, type);
        }
    }

    @Test
    void linksInATarAreSkippedNotFollowed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("conf/passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            add(tar, "conf/main", "Group \"A\" {\n}\n".getBytes(StandardCharsets.UTF_8));
        }
        ParsedConfig parsed =
                ConfigParser.parse(Upload.read(new ByteArrayInputStream(bytes.toByteArray()), Upload.TAR, LIMITS));
        assertEquals(1, parsed.count(ObjectKind.GROUP));
    }

    /** A main file with an include, zipped in a folder: the include is read once, where it is named. */
    @Test
    void anArchiveWithAMainFileReadsItsIncludesOnlyWhereNamed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (String[] f : List.of(
                    new String[] {"site/config", "Group \"Web\" {\n\tInclude \"web.inc\"\n}\n"},
                    new String[] {"site/web.inc", "Host \"127.0.0.1\" {\n\tService TCP/HTTP\n}\n"})) {
                zip.putArchiveEntry(new ZipArchiveEntry(f[0]));
                zip.write(f[1].getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        Upload.Read read = Upload.read(new ByteArrayInputStream(bytes.toByteArray()), Upload.ZIP, LIMITS, null);
        assertTrue(read.layout().startsWith("main file 'config'"), read.layout());
        ParsedConfig parsed = ConfigParser.parse(read.source());
        assertEquals(1, parsed.count(ObjectKind.HOST));
        assertEquals(1, parsed.top().children().size(), "only the group at top level");
        ArgusException.Invalid e = assertThrows(
                ArgusException.Invalid.class,
                () -> Upload.read(new ByteArrayInputStream(bytes.toByteArray()), Upload.ZIP, LIMITS, "main.cf"));
        assertEquals("the archive has no file 'main.cf'; it holds config, web.inc", e.getMessage());
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            add(tar, "big", new byte[4 * 1024 * 1024]);
        }
        ArgusException.Invalid e = assertThrows(
                ArgusException.Invalid.class,
                () -> Upload.read(
                        new ByteArrayInputStream(bytes.toByteArray()), Upload.GZIP, LIMITS.withMaxBytes(1024 * 1024)));
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }

    @Test
    void garbageIsRefusedNamingTheFormat() {
        byte[] garbage = "this is no archive at all".repeat(40).getBytes(StandardCharsets.UTF_8);
        for (String type : List.of(Upload.ZIP, Upload.TAR, Upload.GZIP)) {
            ArgusException.Invalid e = assertThrows(
                    ArgusException.Invalid.class,
                    () -> Upload.read(new ByteArrayInputStream(garbage), type, LIMITS),
                    type);
            assertTrue(e.getMessage().contains("archive"), type + ": " + e.getMessage());
        }
    }

    private static byte[] archive(String type) throws IOException {
        Path dir = configBig();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            if (type.equals(Upload.ZIP)) {
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
                    for (Path f : files) {
                        zip.putArchiveEntry(new ZipArchiveEntry("config-big/" + dir.relativize(f)));
                        zip.write(Files.readAllBytes(f));
                        zip.closeArchiveEntry();
                    }
                }
                return bytes.toByteArray();
            }
            OutputStream sink = type.equals(Upload.TAR) ? bytes : new GzipCompressorOutputStream(bytes);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
                for (Path f : files) {
                    add(tar, "./" + dir.relativize(f), Files.readAllBytes(f));
                }
            }
            return bytes.toByteArray();
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static Path configBig() {
        try {
            return Path.of(UploadTest.class.getResource("/argusconf/config-big").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
