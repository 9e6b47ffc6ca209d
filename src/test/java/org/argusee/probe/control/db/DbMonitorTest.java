package org.argusee.probe.control.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DB services against a real PostgreSQL (embedded, on loopback). */
class DbMonitorTest {

    static EmbeddedPostgres pg;
    static DbMonitor monitor;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table account (name text, status text, balance int)");
            s.execute("insert into account values ('alice', 'open', 10), ('bob', null, 20)");
        }
        monitor = new DbMonitor(2, DbMonitorTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        monitor.close();
        pg.close();
    }

    private static Reply probe(String sql, String... more) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("dsn", "dbi:Pg:dbname=postgres;host=127.0.0.1;port=" + pg.getPort());
        p.put("user", "postgres");
        p.put("pass", "not-needed");
        p.put("sql", sql);
        p.put("timeout", "2");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        ProbeSpec spec;
        try {
            spec = ProbeSpec.of(ServiceType.parse("DB"), p);
        } catch (IllegalArgumentException e) {
            // refused when the service is planned: the reason, as a failed probe, so the tests read alike
            return Reply.failed("planned: " + e.getMessage(), java.time.Duration.ZERO);
        }
        return monitor.probe(spec).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void rowsAreLinesOfColumns() throws Exception {
        Reply r = probe("select count(*) from account");
        assertTrue(r.ok(), r.toString());
        assertEquals("2\n", r.value());
        assertEquals(
                "alice open 10\nbob  20\n",
                probe("select * from account order by name;").value());
    }

    @Test
    void rowfmtNamesColumns() throws Exception {
        Reply r = probe("select * from account order by name", "rowfmt", "%{name} %{status} -> %{BALANCE}");
        assertEquals("alice open -> 10\nbob  -> 20\n", r.value());
    }

    @Test
    void onlyOneSelectIsRun() throws Exception {
        Reply delete = probe("delete from account");
        assertFalse(delete.ok());
        assertTrue(delete.reason().startsWith("planned: sql must be one SELECT statement"), delete.reason());
        assertFalse(probe("select 1; delete from account").ok());
        Reply sneaky = probe("with gone as (delete from account returning *) select count(*) from gone");
        assertFalse(sneaky.ok());
        assertTrue(sneaky.reason().contains("read-only transaction"), sneaky.reason());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from account")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "nothing deleted");
        }
    }

    @Test
    void aSlowQueryEndsAtTheTimeout() throws Exception {
        long start = System.nanoTime();
        Reply r = probe("select pg_sleep(30)");
        assertFalse(r.ok());
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10, "ended by the timeout");
        assertTrue(r.reason().startsWith("db error: ") || r.reason().equals("timeout"), r.reason());
    }

    @Test
    void errorsAreNamed() throws Exception {
        Reply db = probe("select 1", "dsn", "dbi:Pg:dbname=nosuchdb;host=127.0.0.1;port=" + pg.getPort());
        assertFalse(db.ok());
        assertTrue(db.reason().startsWith("db error: ") && db.reason().contains("nosuchdb"), db.reason());
        assertFalse(db.reason().contains("not-needed"), "never the password");
        Reply mysql = probe("select 1", "dsn", "dbi:mysql:database=x;host=127.0.0.1");
        assertEquals("no JDBC driver here for dbi:mysql (jdbc:mysql://127.0.0.1/x)", mysql.reason());
        assertTrue(probe("select 1", "dsn", "dbi:Oracle:x").reason().contains("no JDBC mapping"));
    }

    @Test
    void dsnMapping() {
        assertEquals(
                "jdbc:postgresql://db.example:5433/mydb?sslmode=require",
                DbiDsn.parse("dbi:Pg:dbname=mydb;host=db.example;port=5433;sslmode=require")
                        .jdbcUrl());
        assertEquals(
                "jdbc:postgresql://localhost/mydb", DbiDsn.parse("dbi:Pg:mydb").jdbcUrl());
        assertEquals(
                "jdbc:mysql://h/x", DbiDsn.parse("DBI:mysql:database=x;host=h").jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> DbiDsn.parse("postgres://x"));
        assertThrows(IllegalArgumentException.class, () -> DbiDsn.parse("dbi:Pg:dbname=x&y=z"));
    }
}
