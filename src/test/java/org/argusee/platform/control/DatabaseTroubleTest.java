package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseTroubleTest {

    @Test
    void connectionFailuresDeepInTheChainCount() {
        assertTrue(DatabaseTrouble.isUnreachable(new PersistenceException(
                "could not prepare", new SQLException("Connection to 127.0.0.1:15432 refused.", "08001"))));
        assertTrue(DatabaseTrouble.isUnreachable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseTrouble.isUnreachable(new SQLTransientConnectionException("pool empty")));
        assertTrue(
                DatabaseTrouble.isUnreachable(
                        new RuntimeException(
                                "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/ArgusDS")));
    }

    @Test
    void bugsAndBadDataDoNot() {
        assertFalse(DatabaseTrouble.isUnreachable(new PersistenceException(
                "constraint", new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseTrouble.isUnreachable(new NullPointerException()));
        assertFalse(DatabaseTrouble.isUnreachable(null));
    }
}
