package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.argusee.platform.control.OutageNoise;
import org.junit.jupiter.api.Test;

/** A config the slave cannot apply: told once per version, named in the view until applied, kept by OutageNoise. */
class ConfigApplyTrackTest {

    final ConfigApplyTrack track = new ConfigApplyTrack();
    final Instant t0 = Instant.parse("2026-12-08T03:00:00Z");

    @Test
    void aVersionIsToldOnceHoweverOftenItFails() {
        assertTrue(track.failed("v1", "m", "the database is unreachable", t0));
        assertFalse(track.failed("v1", "m", "the database is unreachable", t0.plusSeconds(5)));
        assertFalse(track.failed("v1", "m", "the database is unreachable", t0.plusSeconds(10)));
        ConfigApplyTrack.NotApplied n = track.notApplied().orElseThrow();
        assertEquals(3, n.tries());
        assertEquals(t0, n.since());
        assertTrue(
                n.describe().startsWith("config v1 from master m not applied: the database is unreachable"),
                n.describe());
        // a newer version failing is told again
        assertTrue(track.failed("v2", "m", "the database is unreachable", t0.plusSeconds(15)));
        assertEquals(1, track.notApplied().orElseThrow().tries());
    }

    @Test
    void appliedClearsItAndSaysWhatHadFailed() {
        assertTrue(track.applied().isEmpty());
        track.failed("v1", "m", "x", t0);
        track.failed("v1", "m", "x", t0.plusSeconds(5));
        assertEquals(2, track.applied().orElseThrow().tries());
        assertTrue(track.notApplied().isEmpty());
        assertTrue(track.applied().isEmpty());
        // failing again after an apply is a new story, told again
        assertTrue(track.failed("v1", "m", "x", t0.plusSeconds(60)));
    }

    @Test
    void theReasonIsTheInnermostCauseOnOneLine() {
        RuntimeException e = new IllegalStateException(
                "outer", new IllegalArgumentException("bad\n  parameter 'port' on Top:Big:h1"));
        assertEquals("IllegalArgumentException: bad parameter 'port' on Top:Big:h1", ConfigApplyTrack.reason(e));
        assertTrue(
                ConfigApplyTrack.reason(new RuntimeException("x".repeat(1000))).length() <= 300);
    }

    /**
     * The line SlaveRunner writes when its database is away carries no exception and none of the outage's words:
     * the log filter of a database outage keeps it, while it drops the same news with the exception attached.
     */
    @Test
    void theOutageFilterKeepsTheLineThatNamesTheDatabase() {
        OutageNoise noise = new OutageNoise(null);
        String reason = "this server's database is unreachable";
        LogRecord told =
                new LogRecord(Level.WARNING, ConfigApplyTrack.warning("v1", "http://127.0.0.1:1/argus", reason));
        assertTrue(noise.isLoggable(told));
        LogRecord withCause = new LogRecord(Level.WARNING, told.getMessage());
        withCause.setThrown(new RuntimeException(new SQLException("Connection refused", "08001")));
        assertFalse(noise.isLoggable(withCause), "the old line, with the exception, was dropped");
    }
}
