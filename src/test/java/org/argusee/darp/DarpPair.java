package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.argusee.testsupport.SharedServers;

/**
 * One master and its slave (tags {@code master} and {@code slave1}) booted once for the run and shared by the DARP
 * classes that need no other settings ({@link DarpFailoverIT}, {@link DarpStreamRecoveryIT}, {@link NotifyDarpIT},
 * {@link NotifyFailoverIT}): a boot of two servers is 25-30 s of the 2 cores a CI run has, and they differed only in
 * the DARP secret and in which of these parts they used. The slave reaches the master through a {@link #link}
 * relay and mails through a {@link #slaveSmtp} relay (both open unless a test cuts or resets them), the master
 * mails the SMTP server directly; slave timeout 3 s, reconnects every 2 s, the master allows 1000 failed logins.
 *
 * <p>Each class starts from a known state: {@link #get} gives both servers running (a server a test killed or
 * stopped is started again, a frozen one resumed), both relays open and the slave connected; the class works in a
 * group of its own, on data files of its own names and a mail recipient of its own, and {@link #release} deletes
 * that group (on the slave too, through DARP) and those files. Whatever else a class did (restarts, notifications
 * and transitions of its own objects) stays on objects no other class names.
 */
final class DarpPair {

    private static final Logger LOG = Logger.getLogger(DarpPair.class.getName());
    static final String SLAVE = "slave1";
    /** The slave's argus.darp.master.timeout, and its peer's timeoutSeconds on the master. */
    static final int TIMEOUT = 3;
    /** The slave's argus.darp.master.frequency. */
    static final int FREQUENCY = 2;
    /** The frequency of the classes' groups, seconds (no retries, timeout 5 s): a file change shows within about 1 s. */
    static final int PROBE_EVERY = 1;

    private static final String SECRET = "darp-pair-secret";
    /** Booting both, or one a test left down, on a loaded machine, then the slave's reconnect. */
    private static final Duration CONNECTED = WITHIN.multipliedBy(2);

    private static final List<String> NAMES = List.of("darp-master", "darp-slave1");

    private static DarpPair shared;
    private static MailInbox mail;
    private static Relay masterLink;
    private static Relay slaveMail;

    final ArgusServer master;
    final ArgusServer slave;
    /** The slave's way to the master (its argus.darp.master.url). */
    final Relay link;
    /** The slave's way to the SMTP server. */
    final Relay slaveSmtp;

    private final MailInbox smtp;

    private DarpPair(ArgusServer master, ArgusServer slave, Relay link, Relay slaveSmtp, MailInbox smtp) {
        this.master = master;
        this.slave = slave;
        this.link = link;
        this.slaveSmtp = slaveSmtp;
        this.smtp = smtp;
    }

    /** The pair, booted by the first caller of the run, running with its relays open and the slave connected. */
    static synchronized DarpPair get() {
        if (shared == null) {
            // the SMTP server and the relays are made once, with the servers: a caller after a failed boot tries
            // again on the same servers and settings (SharedServers starts those left down)
            if (mail == null) {
                mail = new MailInbox("nobody@localhost");
                SharedServers.closeAtEnd(mail);
            }
            List<ArgusServer> servers = SharedServers.get(NAMES, s -> settings(s.get(0), s.get(1)));
            Cluster.peer(servers.get(0), SLAVE, "\"127.0.0.1\"", SECRET, TIMEOUT);
            shared = new DarpPair(servers.get(0), servers.get(1), masterLink, slaveMail, mail);
            LOG.info(() -> "DARP pair booted side by side: master "
                    + shared.master.bootTime().toMillis() + " ms, slave "
                    + shared.slave.bootTime().toMillis() + " ms");
        }
        shared.link.open();
        shared.slaveSmtp.open();
        SharedServers.get(NAMES, s -> {});
        Eventually.await(
                "slave1 connected to the shared master, on both ends",
                CONNECTED,
                () -> "connected".equals(link(shared.slave, MASTER)) && "connected".equals(link(shared.master, SLAVE)));
        return shared;
    }

    /**
     * A group of the class's own under Top on the master, in {@code darpMode}, probed every {@link #PROBE_EVERY} s,
     * no retries, timeout 5 s, with {@code parameters} (key, value, ...) besides; answers its full name, for
     * {@link #release}.
     */
    String group(String name, String darpMode, String... parameters) {
        List<String> all = new ArrayList<>(List.of(
                "darp_mode", darpMode, "frequency", Integer.toString(PROBE_EVERY), "retries", "0", "timeout", "5"));
        all.addAll(List.of(parameters));
        return Cluster.create(master, "Top", Cluster.group(name, all.toArray(String[]::new)));
    }

    /**
     * The parameters of a group whose transitions are mailed to {@code to}, each alone (the servers' queue time is
     * 0), whatever its gravity, in a body that names the DARP tag of the server that told it ("DOWN obj by master").
     */
    static String[] mailedTo(String to) {
        return new String[] {"notify", "mail:" + to, "master_notif_gravity", "low", "message_fmt", "%s %o by %d"};
    }

    /** Creates or deletes the data files (what the classes' Prog services test) on both servers. */
    void files(boolean present, String... names) {
        for (String name : names) {
            master.dataFile(name, present);
            slave.dataFile(name, present);
        }
    }

    /** What the servers are given once, at their creation: tags, the slave's way to its master, mail. */
    private static void settings(ArgusServer master, ArgusServer slave) {
        master.property("argus.darp.tag", MASTER).property("argus.darp.login.max-failures", "1000");
        mail.mailedBy(master);
        masterLink = Relay.to(master.url().getPort());
        SharedServers.closeAtEnd(masterLink);
        slave.property("argus.darp.tag", SLAVE);
        Cluster.slaveOf(slave, masterLink.url().toString(), SECRET, TIMEOUT, FREQUENCY);
        slaveMail = mail.relayFor(slave);
        SharedServers.closeAtEnd(slaveMail);
    }

    /** The mails to {@code to} on the SMTP server both servers mail to: each class has a recipient of its own. */
    MailInbox inbox(String to) {
        return smtp.forRecipient(to);
    }

    /**
     * What a class made, removed for the next one: its group deleted on the master (with everything in it) and gone
     * from the slave, its data files deleted on both. The servers are first made running and connected again, as a
     * failed step may have left one down.
     */
    void release(String group, String... files) {
        get();
        if (group != null) {
            Api.Reply deleted = master.api().delete(Api.object(group) + "?recursive=true");
            assertEquals(204, deleted.status(), "delete " + group + " on the shared master: " + deleted);
            Eventually.await("slave1 drops " + group, WITHIN, () -> !Cluster.exists(slave, group));
        }
        files(false, files);
    }
}
