package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** What the container logs while PostgreSQL is away is dropped and counted; any other SQL error still shows. */
class OutageNoiseTest {

    private final OutageNoise noise = new OutageNoise(null);

    @Test
    void theDatabasesAbsenceIsDroppedAndCounted() {
        assertFalse(noise.isLoggable(record(Level.WARNING, "SQL Error: %s, SQLState: %s", 0, "08006")));
        assertFalse(noise.isLoggable(record(Level.WARNING, "SQL Error: 0, SQLState: 57P01")));
        assertFalse(noise.isLoggable(record(Level.WARNING, "SQL Error: 0, SQLState: null")));
        assertFalse(noise.isLoggable(record(
                Level.SEVERE,
                "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for"
                        + " java:jboss/datasources/ArgusDS")));
        assertFalse(noise.isLoggable(record(Level.SEVERE, "An I/O error occurred while sending to the backend.")));
        LogRecord invocation = record(Level.SEVERE, "WFLYEJB0034: Jakarta Enterprise Beans Invocation failed");
        invocation.setThrown(new RuntimeException(new SQLException("Connection refused", "08001")));
        assertFalse(noise.isLoggable(invocation));
        assertEquals(6, noise.takeDropped());
        assertEquals(0, noise.takeDropped(), "counted from the last call");
    }

    @Test
    void otherSqlErrorsAreLoggedAsBefore() {
        assertTrue(noise.isLoggable(record(Level.WARNING, "SQL Error: 0, SQLState: 23505")));
        assertTrue(noise.isLoggable(
                record(Level.SEVERE, "ERROR: duplicate key value violates unique constraint \"object_name_key\"")));
        assertTrue(noise.isLoggable(record(Level.WARNING, "SQL Error: {0}, SQLState: {1}", 0, "42P01")));
        LogRecord bug = record(Level.SEVERE, "WFLYEJB0034: Jakarta Enterprise Beans Invocation failed");
        bug.setThrown(new IllegalStateException("a bug"));
        assertTrue(noise.isLoggable(bug));
        assertEquals(0, noise.takeDropped());
    }

    @Test
    void theLoggersOwnFilterIsAskedFirst() {
        OutageNoise chained = new OutageNoise(r -> !r.getMessage().contains("quiet"));
        assertFalse(chained.isLoggable(record(Level.SEVERE, "quiet please")));
        assertTrue(chained.isLoggable(record(Level.SEVERE, "a real error")));
        assertEquals(0, chained.takeDropped(), "only its own drops are counted");
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord r = new LogRecord(level, message);
        r.setParameters(parameters);
        return r;
    }
}
