package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema as the deployment left it on the empty test database, and the promise of db-migrations/README.md:
 * a bad edit made with plain SQL is refused by PostgreSQL itself. Every statement runs in autocommit, so each
 * refusal is its own transaction; the rows a test needs live under a group of its own, removed afterwards.
 */
class SchemaIT extends DeployedServer {

    private static final String INTEGRITY_CLASS = "23";
    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String SOME_PBKDF2_HASH = "PBKDF2WithHmacSHA256:10000:c2FsdHNhbHQ=:aGFzaGhhc2g=";

    // the server must have run the migrations before the tests touch the database

    Connection db;
    String suffix;
    long group;

    @BeforeEach
    void groupOfItsOwn() throws SQLException {
        db = TestDatabase.connect();
        db.setAutoCommit(true);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        group = insertObject(topId(), "Group", "schema_" + suffix, null);
    }

    @AfterEach
    void removeWhatTheTestMade() throws SQLException {
        try {
            update("delete from argus.object where id = ?", group);
            update("delete from argus.darp_peer where tag like ?", "schema-" + suffix + "%");
            update("delete from argus.app_user where username like ?", "schema_" + suffix + "%");
        } finally {
            db.close();
        }
    }

    @Test
    void everyMigrationFileWasAppliedSuccessfully() throws IOException, SQLException {
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of("db-migrations"))) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
        assertTrue(files.size() >= 6, "migration files found: " + files);
        Map<String, Boolean> applied = new TreeMap<>();
        try (PreparedStatement s = db.prepareStatement(
                        "select script, success from argus.flyway_schema_history where version is not null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        Map<String, Boolean> expected = new TreeMap<>();
        files.forEach(f -> expected.put(f, true));
        assertEquals(expected, applied, "argus.flyway_schema_history against db-migrations/");
    }

    @Test
    void tablesAndViewExistInSchemaArgus() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(
                        "select table_name from information_schema.tables where table_schema = 'argus'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(
                tables.containsAll(List.of(
                        "object",
                        "param",
                        "config_revision",
                        "darp_peer",
                        "app_user",
                        "user_role",
                        "object_status",
                        "status_transition",
                        "object_full_name")),
                tables.toString());
    }

    @Test
    void unknownKindIsRefused() {
        SQLException e =
                refused("insert into argus.object (parent_id, kind, name) values (?, 'Widget', ?)", group, "w");
        assertViolation(e, CHECK_VIOLATION, "object_kind_valid");
    }

    @Test
    void secondTopIsRefused() {
        SQLException e = refused("insert into argus.object (kind, name) values ('Top', 'Top')");
        assertViolation(e, UNIQUE_VIOLATION, "object_one_top");
    }

    @Test
    void serviceWithoutTypeIsRefused() {
        SQLException e = refused(
                "insert into argus.object (parent_id, kind, name) values (?, 'Service', ?)", group, "Ping_untyped");
        assertViolation(e, CHECK_VIOLATION, "object_service_has_type");
    }

    @Test
    void nameWithWhitespaceIsRefused() {
        SQLException e =
                refused("insert into argus.object (parent_id, kind, name) values (?, 'Host', ?)", group, "mail server");
        assertViolation(e, CHECK_VIOLATION, "object_name_valid");
    }

    @Test
    void serviceDirectlyUnderTopIsRefused() throws SQLException {
        SQLException e = refused(
                "insert into argus.object (parent_id, kind, name, type) values (?, 'Service', ?, 'Ping')",
                topId(),
                "Ping_schema_" + suffix);
        assertViolation(e, CHECK_VIOLATION, "top level");
    }

    @Test
    void objectUnderAServiceIsRefused() throws SQLException {
        long host = insertObject(group, "Host", "h1", null);
        long service = insertObject(host, "Service", "Ping_h1", "Ping");
        SQLException e =
                refused("insert into argus.object (parent_id, kind, name) values (?, 'Group', 'inside')", service);
        assertViolation(e, CHECK_VIOLATION, "cannot hold children");
    }

    @Test
    void parentChangeMakingACycleIsRefused() throws SQLException {
        long outer = insertObject(group, "Group", "outer", null);
        long inner = insertObject(outer, "Group", "inner", null);
        SQLException e = refused("update argus.object set parent_id = ? where id = ?", inner, outer);
        assertViolation(e, CHECK_VIOLATION, "cycle");
        assertEquals(group, parentOf(outer), "the refused update left the row as it was");
    }

    @Test
    void parameterKeyWithWhitespaceIsRefused() {
        SQLException e =
                refused("insert into argus.param (object_id, key, value) values (?, 'retry delay', '5')", group);
        assertViolation(e, CHECK_VIOLATION, "param_key_valid");
    }

    /** Since V2026_12_11_11 and V2026_12_12_10 statement triggers keep the foreign keys' rules (issue 17). */
    @Test
    void parameterOrObjectOfNoObjectIsRefusedAndWhatAnObjectHoldsGoesWithIt() throws SQLException {
        long host = insertObject(insertObject(group, "Group", "g_" + suffix, null), "Host", "h_" + suffix, null);
        long service = insertObject(host, "Service", "s_" + suffix, "TCP");
        String twoHosts = "insert into argus.object (parent_id, kind, name) values (?, 'Host', 'a'), (?, 'Host', 'b')";
        assertViolation(refused(twoHosts, group, Long.MAX_VALUE), FOREIGN_KEY_VIOLATION, "object_parent_id_fkey");
        SQLException moved = refused("update argus.object set parent_id = ? where id = ?", Long.MAX_VALUE, service);
        assertViolation(moved, FOREIGN_KEY_VIOLATION, "object_parent_id_fkey");
        SQLException renumbered = refused("update argus.object set id = ? where id = ?", Long.MAX_VALUE - 1, host);
        assertViolation(renumbered, FOREIGN_KEY_VIOLATION, "object_parent_id_fkey");
        update("delete from argus.object where id = ?", service);
        assertEquals(1, update("insert into argus.param (object_id, key, value) values (?, 'retries', '3')", host));
        SQLException e = refused(
                "insert into argus.param (object_id, key, value) values (?, 'a', '1'), (?, 'b', '1')",
                host,
                Long.MAX_VALUE);
        assertViolation(e, FOREIGN_KEY_VIOLATION, "param_object_id_fkey");
        e = refused("update argus.param set object_id = ? where object_id = ?", Long.MAX_VALUE, host);
        assertViolation(e, FOREIGN_KEY_VIOLATION, "param_object_id_fkey");
        e = refused("update argus.object set id = ? where id = ?", Long.MAX_VALUE, host);
        assertViolation(e, FOREIGN_KEY_VIOLATION, "param_object_id_fkey");
        insertObject(host, "Service", "s_" + suffix, "TCP");
        update("delete from argus.object where id = ?", group); // the group, host and service go by the cascade
        assertEquals(0, update("delete from argus.param where object_id = ?", host), "parameters left behind");
        assertEquals(0, update("delete from argus.object where parent_id = ?", host), "children left behind");
    }

    /** The key rule as V2026_12_11_10 writes it (issue 17) refuses what the first pattern refused, accepts the rest. */
    @Test
    void parameterKeyRuleKeepsItsBounds() throws SQLException {
        String insert = "insert into argus.param (object_id, key, value) values (?, ?, '5')";
        for (String bad : List.of("", "a!", "!", "sendnotify:", "a\tb", "a b", "a\u0007", "x".repeat(101))) {
            assertViolation(refused(insert, group, bad), CHECK_VIOLATION, "param_key_valid");
        }
        for (String good : List.of("a", "a:b", ":a", "x".repeat(100), "\u00e9".repeat(100))) {
            assertEquals(1, update(insert, group, good), good);
        }
    }

    @Test
    void darpSecretThatIsNotAScramVerifierIsRefused() {
        SQLException e = refused(
                "insert into argus.darp_peer (tag, role, secret_verifier) values (?, 'slave', ?)",
                "schema-" + suffix,
                "plain-secret-123");
        assertViolation(e, CHECK_VIOLATION, "darp_peer_verifier_valid");
    }

    @Test
    void plainTextPasswordIsRefused() {
        SQLException e = refused(
                "insert into argus.app_user (username, password_hash) values (?, ?)", "schema_" + suffix, "hunter22");
        assertViolation(e, CHECK_VIOLATION, "app_user_password_hash_valid");
    }

    @Test
    void unknownUserRoleIsRefused() throws SQLException {
        long user;
        try (PreparedStatement s = db.prepareStatement(
                "insert into argus.app_user (username, password_hash) values (?, ?) returning id")) {
            s.setString(1, "schema_" + suffix);
            s.setString(2, SOME_PBKDF2_HASH);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                user = rs.getLong(1);
            }
        }
        SQLException e = refused("insert into argus.user_role (user_id, role) values (?, 'root')", user);
        assertViolation(e, CHECK_VIOLATION, "user_role_valid");
    }

    /** Runs one statement that must fail; returns why. */
    private SQLException refused(String sql, Object... parameters) {
        return assertThrows(SQLException.class, () -> update(sql, parameters), "accepted: " + sql);
    }

    private static void assertViolation(SQLException e, String sqlState, String messagePart) {
        assertTrue(
                e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_CLASS),
                "SQLState " + e.getSQLState() + ": " + e.getMessage());
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        // the name of the constraint (or the trigger's reason) shows the refusal is the one meant
        assertTrue(e.getMessage().contains(messagePart), "expected '" + messagePart + "' in: " + e.getMessage());
    }

    private long topId() throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select id from argus.object where kind = 'Top'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long parentOf(long id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select parent_id from argus.object where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long insertObject(long parent, String kind, String name, String type) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "insert into argus.object (parent_id, kind, name, type) values (?, ?, ?, ?) returning id")) {
            s.setLong(1, parent);
            s.setString(2, kind);
            s.setString(3, name);
            s.setString(4, type);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
