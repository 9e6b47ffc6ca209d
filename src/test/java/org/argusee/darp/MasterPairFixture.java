package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.platform.DrillDatabase;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.EmbeddedDatabase;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.argusee.testsupport.SharedServers;

/**
 * The active/standby master pair of issue 16 and a slave given both URLs, booted once for the run and shared by
 * {@link MasterPairIT} and {@link MasterPairCutOffIT}, which booted the same three servers each (a boot of three is
 * about 30 s of the 2 cores a CI run has, more under load). What both need: one PostgreSQL of the drills' own
 * ({@link DrillDatabase}, which a drill stops under the pair), reached by each member through a relay of its own
 * (cut: that member is partitioned from it) with a pool of {@link #POOL} connections (a drill starves it); each
 * member mails one GreenMail through a relay of its own (reset: its SMTP server is away); the lease at its default
 * (10 s, renewed every 2 s); the slave's timeout 3 s, reconnects every 2 s; the members allow 1000 failed DARP logins.
 *
 * <p>The members are symmetric, so a class needs no particular one active: {@link #get} gives all three running
 * (one a drill killed is started again, a frozen one resumed), every relay open, the database up, one member active
 * and the other standby, and the slave connected to the active one; the class takes {@link #active()} as its first
 * member. It works in groups of its own names, on data files and a mail recipient of its own, reads the server log
 * from a {@link ArgusServer#logMark mark}, and at its end {@link #release}s what it made.
 */
final class MasterPairFixture {

    private static final Logger LOG = Logger.getLogger(MasterPairFixture.class.getName());
    /** The slave's DARP tag, and its peer's on the pair. */
    static final String SLAVE = "slave1";
    /** The slave's argus.darp.master.timeout, and its peer's timeoutSeconds, seconds. */
    static final int TIMEOUT = 3;
    /** The slave's argus.darp.master.frequency, seconds. */
    static final int FREQUENCY = 2;
    /** Each member's DB_POOL_MAX: small, so that a drill can starve it with a few writes. */
    static final int POOL = 4;

    private static final String SECRET = "master-pair-secret";
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/(.*)");
    /** A member a drill killed boots again on a loaded machine, then takes its role and the slave reconnects. */
    private static final Duration SETTLED = WITHIN.multipliedBy(3);

    private static final List<String> NAMES = List.of("pair-a", "pair-b", "pair-slave1");

    private static MasterPairFixture shared;
    private static DrillDatabase db;
    private static MailInbox mail;
    private static final Map<String, Relay> DATABASE_WAYS = new HashMap<>();
    private static final Map<String, Relay> SMTP_WAYS = new HashMap<>();

    final ArgusServer a;
    final ArgusServer b;
    final ArgusServer slave;

    private MasterPairFixture(List<ArgusServer> servers) {
        this.a = servers.get(0);
        this.b = servers.get(1);
        this.slave = servers.get(2);
    }

    /** The pair and its slave as the class comment says, booted by the first caller of the run. */
    static synchronized MasterPairFixture get() {
        if (db == null) {
            db = new DrillDatabase();
            mail = new MailInbox("nobody@localhost");
            SharedServers.closeAtEnd(mail);
            SharedServers.closeAtEnd(db); // after the servers, which SharedServers ends first
        }
        DATABASE_WAYS.values().forEach(Relay::open);
        SMTP_WAYS.values().forEach(Relay::open);
        List<ArgusServer> servers = SharedServers.get(NAMES, MasterPairFixture::settings, MasterPairFixture::boot);
        if (shared == null) {
            shared = new MasterPairFixture(servers);
            LOG.info(() -> "master pair booted: " + shared.a.name() + " "
                    + shared.a.bootTime().toMillis()
                    + " ms (alone), " + shared.b.name() + " "
                    + shared.b.bootTime().toMillis() + " ms, "
                    + shared.slave.name() + " " + shared.slave.bootTime().toMillis() + " ms (side by side)");
        }
        Eventually.await(
                "one member of the pair active, the other standby",
                SETTLED,
                () -> MasterPair.isActive(shared.a) && MasterPair.isStandby(shared.b)
                        || MasterPair.isActive(shared.b) && MasterPair.isStandby(shared.a));
        Eventually.await(
                "the slave connected to the active member, on both ends",
                SETTLED,
                () -> "connected".equals(link(shared.slave, MASTER))
                        && "connected".equals(link(shared.active(), SLAVE)));
        return shared;
    }

    /** The pair's database: a drill may stop it and must start it again. */
    DrillDatabase database() {
        return db;
    }

    /** The active member (right after {@link #get}: the one active at the class's start, the other standby). */
    ArgusServer active() {
        return MasterPair.isActive(a) ? a : b;
    }

    ArgusServer other(ArgusServer member) {
        return member == a ? b : a;
    }

    /** The member's way to PostgreSQL: cut, it is partitioned from its database. */
    Relay databaseWay(ArgusServer member) {
        return DATABASE_WAYS.get(member.name());
    }

    /** The member's way to the SMTP server: reset, its SMTP server is away (connections refused at once). */
    Relay smtpWay(ArgusServer member) {
        return SMTP_WAYS.get(member.name());
    }

    /** The mails to {@code to} on the SMTP server the pair mails: each class has a recipient of its own. */
    MailInbox inbox(String to) {
        return mail.forRecipient(to);
    }

    /**
     * What a class made, removed for the next one: its groups (top-level names) deleted on the active member and
     * gone from the slave, its data files deleted on all three. The relays are opened and a frozen server resumed
     * first, as a failed drill may have left them so; a killed member is left down (the next {@link #get} starts it
     * again, so the last class of the run pays no boot for it).
     */
    void release(List<String> groups, String... files) {
        DATABASE_WAYS.values().forEach(Relay::open);
        SMTP_WAYS.values().forEach(Relay::open);
        List.of(a, b, slave).stream().filter(ArgusServer::hung).forEach(ArgusServer::resume);
        Eventually.await(
                "a member of the pair active", SETTLED, () -> MasterPair.isActive(a) || MasterPair.isActive(b));
        ArgusServer active = active();
        for (String group : groups) {
            Api.Reply deleted = active.api().delete(Api.object(group) + "?recursive=true");
            if (deleted.status() != 204 && deleted.status() != 404) {
                throw new AssertionError("delete " + group + " on " + active.name() + ": " + deleted);
            }
            Eventually.await("the slave drops " + group, WITHIN, () -> !Cluster.exists(slave, group));
        }
        for (String file : files) {
            for (ArgusServer s : List.of(a, b, slave)) {
                s.dataFile(file, false);
            }
        }
    }

    private static void settings(List<ArgusServer> servers) {
        ArgusServer first = servers.get(0);
        ArgusServer second = servers.get(1);
        MasterPair.members(first, second);
        Matcher url = JDBC.matcher(db.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("not a loopback PostgreSQL URL: " + db.jdbcUrl());
        }
        for (ArgusServer member : List.of(first, second)) {
            Relay way = Relay.to(Integer.parseInt(url.group(1)));
            SharedServers.closeAtEnd(way);
            DATABASE_WAYS.put(member.name(), way);
            member.secret("DB_URL", "jdbc:postgresql://127.0.0.1:" + way.port() + "/" + url.group(2))
                    .secret("DB_USER", EmbeddedDatabase.USER)
                    .secret("DB_PASSWORD", EmbeddedDatabase.PASSWORD)
                    .secret("DB_POOL_MAX", Integer.toString(POOL))
                    // a drill flips the target a dozen times: each is told
                    .property("argus.notify.flap-count", "0")
                    .property("argus.darp.login.max-failures", "1000");
            Relay smtp = mail.relayFor(member);
            SharedServers.closeAtEnd(smtp);
            SMTP_WAYS.put(member.name(), smtp);
        }
        ArgusServer slave = servers.get(2);
        slave.property("argus.darp.tag", SLAVE);
        Cluster.slaveOf(slave, first.url() + "," + second.url(), SECRET, TIMEOUT, FREQUENCY);
    }

    /** The first member alone (it makes the schema and the admin the second finds), then the others side by side. */
    private static void boot(List<ArgusServer> servers) {
        servers.get(0).start();
        Cluster.peer(servers.get(0), SLAVE, "\"127.0.0.1\"", SECRET, TIMEOUT);
        SharedServers.startAll(servers.get(1), servers.get(2));
    }
}
