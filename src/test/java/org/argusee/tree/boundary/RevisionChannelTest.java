package org.argusee.tree.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tree's LISTEN for configuration changes on a real PostgreSQL, its connection through a {@link Relay} the test
 * resets as a stopped database does: a notified change is told at once (long before the revision check), the
 * listening tells of a change each time it starts (what changed while nobody listened), a revision moved without a
 * notification is found at the check, a connection that breaks ends the listening (the cache then polls) and a
 * new one listens again once the database is back, and closing ends a wait at once.
 */
class RevisionChannelTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    static EmbeddedPostgres pg;
    static Connection db;

    Relay relay;
    final AtomicInteger changes = new AtomicInteger();
    final AtomicInteger alive = new AtomicInteger();
    /** The revision the cache's tree is at: read again at each change told, as the cache's poll does. */
    final AtomicLong known = new AtomicLong();

    RevisionChannel channel;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = pg.getPostgresDatabase().getConnection();
        try (Statement s = db.createStatement()) {
            // the row the configuration's triggers move (V2026_11_23_02), without the tables that have them
            s.execute("create schema argus; create table argus.config_revision (id int primary key, revision bigint);"
                    + " insert into argus.config_revision values (1, 1)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        pg.close();
    }

    @BeforeEach
    void relay() {
        relay = Relay.to(pg.getPort());
    }

    @AfterEach
    void closeAll() {
        if (channel != null) {
            channel.close();
        }
        relay.close();
    }

    private RevisionChannel channel(long checkMillis) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {relay.port()});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        source.setSocketTimeout(10);
        Runnable changed = () -> {
            known.set(revision());
            changes.incrementAndGet();
        };
        channel = new RevisionChannel(source, checkMillis, changed, known::get, alive::incrementAndGet);
        return channel;
    }

    private long revision() {
        try (Statement s = db.createStatement();
                var rs = s.executeQuery("select revision from argus.config_revision where id = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the configuration tables' trigger does: the revision moves and the channel is notified, at commit. */
    private static void edit(boolean notify) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("update argus.config_revision set revision = revision + 1 where id = 1"
                    + (notify ? "; select pg_notify('argus_config', 'object')" : ""));
        }
    }

    private CompletableFuture<Boolean> listening(RevisionChannel c) {
        return CompletableFuture.supplyAsync(c::listen);
    }

    @Test
    void aNotifiedChangeIsToldAtOnceAndEachListeningStartsWithOne() throws Exception {
        CompletableFuture<Boolean> run = listening(channel(600_000));
        Eventually.await("the change told as the listening starts", WITHIN, () -> changes.get() == 1);
        edit(true);
        Eventually.await("the notified change told", WITHIN, () -> changes.get() == 2);
        edit(true);
        Eventually.await("the next one too", WITHIN, () -> changes.get() == 3);
        channel.close();
        assertTrue(run.get(WITHIN.toSeconds(), TimeUnit.SECONDS), "closed: the caller does not poll");
    }

    @Test
    void aRevisionMovedWithoutNotificationIsFoundAtTheCheck() throws Exception {
        listening(channel(200));
        Eventually.await("listening", WITHIN, () -> changes.get() == 1 && alive.get() > 0);
        // the cache's tree stays at the revision it knows: only a revision that differs from it counts
        Eventually.holds("no change while the revision stands", Duration.ofSeconds(1), () -> changes.get() == 1);
        edit(false);
        Eventually.await("the moved revision found", WITHIN, () -> changes.get() > 1);
    }

    @Test
    void aBrokenConnectionEndsTheListeningAndTheNextCatchesUpOnceTheDatabaseIsBack() throws Exception {
        CompletableFuture<Boolean> run = listening(channel(600_000));
        Eventually.await("listening", WITHIN, () -> changes.get() == 1);
        relay.reset();
        assertFalse(run.get(WITHIN.toSeconds(), TimeUnit.SECONDS), "broken: the caller polls");
        assertFalse(channel.listen(), "no connection while the database is away: the caller polls");
        edit(true); // missed: nobody listens
        relay.open();
        CompletableFuture<Boolean> again = listening(channel);
        Eventually.await("the change while away told as the listening starts again", WITHIN, () -> changes.get() == 2);
        edit(true);
        Eventually.await("notified changes told again", WITHIN, () -> changes.get() == 3);
        channel.close();
        assertTrue(again.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
    }
}
