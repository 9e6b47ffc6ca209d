package org.argusee.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A status row PostgreSQL refuses (here a CHECK constraint an administrator might add, refusing one object's status
 * row; before session 17 a NUL byte in a UDP/NTP answer did it) is set aside: the other changes of the same rounds
 * are stored, the writer goes on, and the object's later changes are stored once the database takes them again.
 * Before, every round failed whole and was tried again for ever, and nothing of any object was stored.
 */
class RefusedRowIT extends StatusFixture {

    private static final String CONSTRAINT = "it_refused_row";

    @Test
    void aRowTheDatabaseRefusesIsSetAsideAndEverythingElseIsStored() throws SQLException {
        TestListener refusedTarget = listener(true);
        TestListener otherTarget = listener(true);
        String refused = service(host, refusedTarget);
        String other = service(host, otherTarget);
        awaitShown(refused, "up");
        awaitShown(other, "up");
        Eventually.await("both stored up", WITHIN, () -> "up".equals(stored(refused)) && "up".equals(stored(other)));

        sql("alter table argus.object_status add constraint " + CONSTRAINT + " check (object_id <> " + id(refused)
                + ") not valid");
        try {
            refusedTarget.healthy(false);
            otherTarget.healthy(false);
            awaitShown(refused, "down");
            awaitShown(other, "down");
            Eventually.await("the other service's down stored", WITHIN, () -> "down".equals(stored(other)));
            assertEquals("up", stored(refused), "the refused row was not stored");
            assertFalse(StatusIT.storedTransitions(refused).contains("up->down"), "its whole change was set aside");

            otherTarget.healthy(true);
            Eventually.await(
                    "the writer goes on: the other service's up stored", WITHIN, () -> "up".equals(stored(other)));
        } finally {
            sql("alter table argus.object_status drop constraint if exists " + CONSTRAINT);
        }
        refusedTarget.healthy(true);
        Eventually.await(
                "the refused service's next change stored once the database takes it",
                WITHIN,
                () -> StatusIT.storedTransitions(refused).contains("down->up"));
    }

    private static long id(String fullName) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("select id from argus.object_full_name where full_name = ?")) {
            s.setString(1, fullName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String stored(String fullName) {
        return StatusIT.storedStatus(fullName);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
