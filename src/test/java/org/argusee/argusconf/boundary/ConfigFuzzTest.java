package org.argusee.argusconf.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ConfigChecker;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.argusconf.control.ConfigWriter;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.platform.control.ArgusException;
import org.argusee.testsupport.FuzzTally;
import org.argusee.testsupport.Mutator;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's fuzzing of the config parser and importer: malformed config texts and archives (zip, tar, tar.gz, as
 * {@code POST /api/config/check} and {@code import} take them), mutated from the Argus 3.7 configs. Each goes the
 * server's way: {@link Upload#read}, {@link ConfigChecker}, and when it has no errors the import plan against the
 * sample tree, then the config written back and checked again. The only exception allowed is
 * {@link ArgusException} (a 4xx); no input may take more than {@link #PER_INPUT_SECONDS} of CPU. CI form: 500 texts and 300 archives;
 * {@code -Dargus.fuzz.count=10000} (bench/fuzz.sh) for the full run.
 */
class ConfigFuzzTest {

    static final int PER_INPUT_SECONDS = 20;
    static final ConfigLimits LIMITS = ConfigLimits.defaults();
    static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    static final List<String> ARCHIVES = List.of(Upload.ZIP, Upload.TAR, Upload.GZIP);

    /** Wall time an input may take when the machine stalls and its CPU time stays low. */
    static final int PER_INPUT_WALL_SECONDS = 300;

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static volatile long workerId;
    static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "config-fuzz");
        t.setDaemon(true);
        workerId = t.getId();
        return t;
    });

    @AfterAll
    static void stop() {
        WORKER.shutdownNow();
    }

    @Test
    void malformedConfigTextsAreRefusedOrImportedNeverCrash() throws Exception {
        long seed = Mutator.seed();
        Mutator mutator = new Mutator(seed, texts());
        FuzzTally tally = new FuzzTally("config text", seed);
        TreeSnapshot current = reference();
        for (int i = 0; i < Mutator.count(500); i++) {
            byte[] input = mutator.next();
            run(tally, i, () -> throughTheServersWay(input, "text/plain", current));
        }
        assertNoFailures(tally);
    }

    @Test
    void malformedArchivesAreRefusedOrImportedNeverCrash() throws Exception {
        long seed = Mutator.seed() + 1;
        List<byte[]> texts = texts();
        Mutator contents = new Mutator(seed, texts);
        Random random = contents.random();
        List<byte[]> valid = new ArrayList<>();
        for (String type : ARCHIVES) {
            valid.add(archive(type, List.of(new Entry("site/config", texts.get(0)))));
        }
        valid.add(configBig(Upload.ZIP));
        Mutator bytes = new Mutator(seed + 2, valid);
        FuzzTally tally = new FuzzTally("config archive", seed);
        TreeSnapshot current = reference();
        for (int i = 0; i < Mutator.count(300); i++) {
            String type = ARCHIVES.get(random.nextInt(ARCHIVES.size()));
            byte[] input;
            if (random.nextBoolean()) { // well-formed archive, hostile names and contents
                List<Entry> entries = new ArrayList<>();
                for (int n = random.nextInt(6); n >= 0; n--) {
                    String name = random.nextInt(3) == 0 ? contents.nextValue() : "site/" + n + ".cf";
                    name = name.length() > 1000 ? name.substring(0, 1000) : name; // zip names stop at 64 KiB
                    name = name.isEmpty() || name.endsWith("/") ? name + "x" : name; // "a/" is a folder: no content
                    entries.add(new Entry(name, contents.next()));
                }
                input = archive(type, entries);
            } else { // the archive's own bytes damaged
                input = bytes.next();
            }
            byte[] in = input;
            run(tally, i, () -> throughTheServersWay(in, type, current));
        }
        assertNoFailures(tally);
    }

    /** What check and import do with an upload; returns how it ended. */
    static String throughTheServersWay(byte[] body, String type, TreeSnapshot current) {
        Upload.Read read;
        CheckedConfig checked;
        try {
            read = Upload.read(new ByteArrayInputStream(body), type, LIMITS, null);
            checked = new ConfigChecker(CATALOG).check(read.source());
        } catch (ArgusException e) {
            return "refused at upload";
        }
        if (checked.hasErrors()) {
            return "refused with errors";
        }
        ImportPlan.between(current, checked.tree(), ImportPlan.Mode.MERGE);
        ImportPlan.between(current, checked.tree(), ImportPlan.Mode.REPLACE);
        String written = ConfigWriter.write(checked.tree());
        CheckedConfig again = new ConfigChecker(CATALOG).check(ConfigSource.text(written));
        if (again.hasErrors()) {
            throw new IllegalStateException("an accepted config written back does not check again: "
                    + again.errors().get(0).message() + " in\n" + written);
        }
        return "accepted";
    }

    static void run(FuzzTally tally, int index, java.util.concurrent.Callable<String> input) throws Exception {
        long start = System.nanoTime();
        long[] cpuStart = {-1};
        Future<String> f = WORKER.submit(() -> {
            cpuStart[0] = THREADS.getCurrentThreadCpuTime();
            return input.call();
        });
        try {
            tally.ok(waitFor(f, cpuStart), System.nanoTime() - start);
        } catch (TimeoutException e) {
            f.cancel(true);
            tally.failed("timeout", index, "over " + PER_INPUT_SECONDS + " s of CPU");
        } catch (java.util.concurrent.ExecutionException e) {
            tally.failed("crash", index, String.valueOf(e.getCause()) + " at " + firstFrame(e.getCause()));
        }
    }

    /**
     * The input's answer, or a TimeoutException once its worker spent {@link #PER_INPUT_SECONDS} of CPU on it (a
     * loop, a regex): counted in CPU time, as a stalled machine also stops the wall clock's worth of work (CI once
     * saw 41 s of wall time on an input that takes a millisecond).
     */
    private static String waitFor(Future<String> f, long[] cpuStart) throws Exception {
        long wallDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PER_INPUT_WALL_SECONDS);
        while (true) {
            try {
                return f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long cpu = cpuStart[0] < 0 ? 0 : THREADS.getThreadCpuTime(workerId) - cpuStart[0];
                if (cpu > TimeUnit.SECONDS.toNanos(PER_INPUT_SECONDS) || System.nanoTime() > wallDeadline) {
                    throw e;
                }
            }
        }
    }

    static void assertNoFailures(FuzzTally tally) {
        String summary = tally.summary();
        assertEquals(List.of(), tally.failures(), summary);
    }

    private static String firstFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.argusee")) {
                return e.toString();
            }
        }
        return t.getStackTrace().length == 0 ? "?" : t.getStackTrace()[0].toString();
    }

    private static TreeSnapshot reference() {
        return new ConfigChecker(CATALOG)
                .check(ConfigSource.of(resource("config")))
                .tree();
    }

    /** The Argus 3.7 configs and every file of config-big: the valid inputs mutated. */
    static List<byte[]> texts() throws IOException {
        List<byte[]> texts = new ArrayList<>();
        for (String name : List.of("config", "config-darp-master", "config-darp-slave", "config-new-features")) {
            texts.add(Files.readAllBytes(resource(name)));
        }
        try (Stream<Path> files = Files.list(resource("config-big"))) {
            for (Path f : files.sorted().toList()) {
                texts.add(Files.readAllBytes(f));
            }
        }
        return texts;
    }

    record Entry(String name, byte[] content) {}

    static byte[] archive(String type, List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (type.equals(Upload.ZIP)) {
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
                    for (Entry e : entries) {
                        zip.putArchiveEntry(new ZipArchiveEntry(e.name()));
                        zip.write(e.content());
                        zip.closeArchiveEntry();
                    }
                }
                return bytes.toByteArray();
            }
            OutputStream sink = type.equals(Upload.TAR) ? bytes : new GzipCompressorOutputStream(bytes);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Entry e : entries) {
                    TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
                    entry.setSize(e.content().length);
                    tar.putArchiveEntry(entry);
                    tar.write(e.content());
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] configBig(String type) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path dir = resource("config-big");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                entries.add(new Entry("config-big/" + f.getFileName(), Files.readAllBytes(f)));
            }
        }
        return archive(type, entries);
    }

    private static Path resource(String name) {
        try {
            return Path.of(
                    ConfigFuzzTest.class.getResource("/argusconf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
