package org.argusee.argusconf.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.argusee.argusconf.control.ArchiveLayout;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.platform.control.ArgusException;

/**
 * An uploaded configuration: one Argus config file as text/plain, or a config directory as a zip, tar or gzipped
 * tar archive. Read into memory up to the size limit and no further (counted after decompression), so a huge,
 * endless or bomb-like upload costs at most that much.
 */
final class Upload {

    static final String MAIN_FILE = "config";
    static final String ZIP = "application/zip";
    static final String TAR = "application/x-tar";
    static final String GZIP = "application/gzip";
    static final String X_GZIP = "application/x-gzip";

    private Upload() {}

    /** The source to read, and how it was laid out ("main file 'config' ...", "a config directory of 13 files"). */
    record Read(ConfigSource source, String layout) {}

    static ConfigSource read(InputStream body, String contentType, ConfigLimits limits) {
        return read(body, contentType, limits, null).source();
    }

    /**
     * @param main the archive's main file as the uploader named it; null or blank for the default choice
     *     ({@link ArchiveLayout}); ignored for a single file
     */
    static Read read(InputStream body, String contentType, ConfigLimits limits, String main) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String format = type.startsWith(ZIP)
                ? "zip"
                : type.startsWith(TAR)
                        ? "tar"
                        : type.startsWith(GZIP) || type.startsWith(X_GZIP) ? "gzipped tar" : null;
        try {
            if (format == null) {
                return new Read(
                        ConfigSource.memory(
                                Map.of(MAIN_FILE, bounded(body, limits.maxBytes(), "the upload")), MAIN_FILE, limits),
                        "one file");
            }
            Map<String, byte[]> files = unpack(archive(body, format), limits);
            ArchiveLayout layout = layout(files, main);
            ConfigSource source = layout.main() == null
                    ? ConfigSource.memory(files, limits)
                    : ConfigSource.memory(files, layout.main(), limits);
            return new Read(source, layout.how());
        } catch (ZipException e) {
            throw new ArgusException.Invalid("body", "the upload is not a readable zip archive: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new ArgusException.Invalid(
                    "body",
                    "the upload is not a readable " + (format == null ? "file" : format + " archive") + ": "
                            + e.getMessage());
        }
    }

    private static ArchiveLayout layout(Map<String, byte[]> files, String main) {
        try {
            return ArchiveLayout.choose(files, main);
        } catch (IllegalArgumentException e) {
            throw new ArgusException.Invalid("main", e.getMessage());
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> archive(InputStream body, String format)
            throws IOException {
        return switch (format) {
            case "zip" -> new ZipArchiveInputStream(body);
            case "tar" -> new TarArchiveInputStream(body);
            default -> new TarArchiveInputStream(new GzipCompressorInputStream(body));
        };
    }

    /** Every file of the archive by its path; folders are implied by the paths, as in a config directory. */
    private static Map<String, byte[]> unpack(ArchiveInputStream<? extends ArchiveEntry> archive, ConfigLimits limits)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (archive) {
            for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.isDirectory() || !archive.canReadEntryData(entry) || !isFile(entry)) {
                    continue;
                }
                if (files.size() >= limits.maxFiles()) {
                    throw new ArgusException.Invalid(
                            "body", "the archive holds more than " + limits.maxFiles() + " files");
                }
                byte[] content = bounded(archive, limits.maxBytes() - total, "the archive's content");
                total += content.length;
                files.put(stripDot(entry.getName()), content);
            }
        }
        if (files.isEmpty()) {
            throw new ArgusException.Invalid("body", "the archive holds no files");
        }
        return withoutCommonFolder(files);
    }

    /** Links, devices and the like in a tar are not config files: skipped, never followed. */
    private static boolean isFile(ArchiveEntry entry) {
        return !(entry instanceof TarArchiveEntry tar) || tar.isFile();
    }

    /** {@code tar -C dir .} writes names as ./file. */
    private static String stripDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    /** Archiving a config directory usually puts it in one folder (config/000_defins): read that folder as the root. */
    private static Map<String, byte[]> withoutCommonFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String folder = first.substring(0, slash + 1);
        if (!files.keySet().stream().allMatch(name -> name.startsWith(folder))) {
            return files;
        }
        Map<String, byte[]> stripped = new LinkedHashMap<>();
        files.forEach((name, content) -> stripped.put(name.substring(folder.length()), content));
        return stripped;
    }

    private static byte[] bounded(InputStream in, long max, String what) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (content.length > max) {
            throw new ArgusException.Invalid("body", what + " is larger than the limit of " + max + " bytes");
        }
        return content;
    }
}
