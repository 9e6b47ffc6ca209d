package org.argusee.argusconf.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.platform.control.ArgusException;

/**
 * An uploaded configuration: one Argus config file as text/plain, or a config directory as a zip archive. Read
 * into memory up to the size limit and no further, so a huge or endless upload costs at most that much.
 */
final class Upload {

    static final String MAIN_FILE = "config";
    static final String ZIP = "application/zip";

    private Upload() {
    }

    static ConfigSource read(InputStream body, String contentType, ConfigLimits limits) {
        try {
            if (contentType != null && contentType.toLowerCase().startsWith(ZIP)) {
                return ConfigSource.memory(unzip(body, limits), limits);
            }
            return ConfigSource.memory(Map.of(MAIN_FILE, bounded(body, limits.maxBytes(), "the upload")), MAIN_FILE,
                    limits);
        } catch (ZipException e) {
            throw new ArgusException.Invalid("body", "the upload is not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new ArgusException.Invalid("body", "the upload could not be read: " + e.getMessage());
        }
    }

    /** Every file of the archive by its path; folders are implied by the paths, as in a config directory. */
    private static Map<String, byte[]> unzip(InputStream body, ConfigLimits limits) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(body)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= limits.maxFiles()) {
                    throw new ArgusException.Invalid("body", "the archive holds more than " + limits.maxFiles()
                            + " files");
                }
                byte[] content = bounded(zip, limits.maxBytes() - total, "the archive's content");
                total += content.length;
                files.put(entry.getName(), content);
            }
        }
        if (files.isEmpty()) {
            throw new ArgusException.Invalid("body", "the archive holds no files");
        }
        return withoutCommonFolder(files);
    }

    /** Zipping a config directory usually puts it in one folder (config/000_defins): read that folder as the root. */
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
