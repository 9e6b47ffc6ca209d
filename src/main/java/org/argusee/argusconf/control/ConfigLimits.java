package org.argusee.argusconf.control;

/**
 * How much a configuration may make the reader do, so an upload cannot exhaust memory or time: bytes read
 * in all (an include read twice counts twice, which also stops include fan-out), files opened, include
 * nesting, length of one logical line, and diagnostics kept (binary garbage gives one error per line).
 */
public record ConfigLimits(long maxBytes, int maxFiles, int maxIncludeDepth, int maxLineLength, int maxDiagnostics) {

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public ConfigLimits {
        if (maxBytes < 1 || maxFiles < 1 || maxIncludeDepth < 0 || maxLineLength < 80 || maxDiagnostics < 1) {
            throw new IllegalArgumentException("limits must be positive (a line at least 80 characters)");
        }
    }

    /** 64 MiB, 10,000 files, includes 50 deep, lines of 1 MiB, 1,000 diagnostics. */
    public static ConfigLimits defaults() {
        return new ConfigLimits(DEFAULT_MAX_BYTES, 10_000, 50, 1024 * 1024, 1_000);
    }

    public ConfigLimits withMaxBytes(long bytes) {
        return new ConfigLimits(bytes, maxFiles, maxIncludeDepth, maxLineLength, maxDiagnostics);
    }

    public ConfigLimits withMaxFiles(int files) {
        return new ConfigLimits(maxBytes, files, maxIncludeDepth, maxLineLength, maxDiagnostics);
    }

    public ConfigLimits withMaxIncludeDepth(int depth) {
        return new ConfigLimits(maxBytes, maxFiles, depth, maxLineLength, maxDiagnostics);
    }

    public ConfigLimits withMaxLineLength(int length) {
        return new ConfigLimits(maxBytes, maxFiles, maxIncludeDepth, length, maxDiagnostics);
    }

    /** For messages: 64 MiB, 500 KiB, 100 bytes. */
    static String describeBytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
