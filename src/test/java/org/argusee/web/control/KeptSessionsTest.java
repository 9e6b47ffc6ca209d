package org.argusee.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.servlet.api.SessionPersistenceManager;
import io.undertow.servlet.api.SessionPersistenceManager.PersistentSession;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes to and from the sessions file; the restore itself runs in the server (WebRestartIT). */
class KeptSessionsTest {

    /** The sessions file, in memory. */
    private static final class Disk implements SessionPersistenceManager {
        Map<String, PersistentSession> stored = new HashMap<>();

        @Override
        public void persistSessions(String deploymentName, Map<String, PersistentSession> sessionData) {
            stored = new HashMap<>(sessionData);
        }

        @Override
        public Map<String, PersistentSession> loadSessionAttributes(String deploymentName, ClassLoader classLoader) {
            return new HashMap<>(stored);
        }

        @Override
        public void clear(String deploymentName) {
            stored.clear();
        }
    }

    private static PersistentSession session(long expiresInMillis, String user) {
        return new PersistentSession(
                new Date(System.currentTimeMillis() + expiresInMillis), Map.of("argus.login", user));
    }

    @Test
    void undertowsOwnRestoreGetsNothingSoItCannotGiveTheSessionsNewIds() {
        Disk disk = new Disk();
        disk.stored.put("a", session(60_000, "admin"));
        assertTrue(new KeptSessions(disk)
                .loadSessionAttributes("argus.war", getClass().getClassLoader())
                .isEmpty());
    }

    @Test
    void aKeptSessionNobodyAskedForIsWrittenAgainUnlessExpired() {
        Disk disk = new Disk();
        disk.stored.put("idle", session(60_000, "reader"));
        disk.stored.put("expired", session(-1, "old"));
        KeptSessions kept = new KeptSessions(disk);
        kept.loadSessionAttributes("argus.war", getClass().getClassLoader());

        kept.persistSessions("argus.war", Map.of("open", session(60_000, "admin")));

        assertEquals(
                Map.of("idle", "reader", "open", "admin"),
                disk.stored.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getValue().getSessionData().get("argus.login"))));
    }

    @Test
    void anOpenSessionWinsOverTheKeptOneOfTheSameId() {
        Disk disk = new Disk();
        disk.stored.put("a", session(60_000, "before"));
        KeptSessions kept = new KeptSessions(disk);
        kept.loadSessionAttributes("argus.war", getClass().getClassLoader());

        kept.persistSessions("argus.war", Map.of("a", session(60_000, "now")));

        assertEquals("now", disk.stored.get("a").getSessionData().get("argus.login"));
    }
}
