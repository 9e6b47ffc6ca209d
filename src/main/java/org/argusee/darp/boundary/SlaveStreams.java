package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.master.SlaveConversation;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.ToldItem;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.platform.control.IdleWait;
import org.argusee.platform.control.MasterRole;
import org.argusee.platform.control.SteadyClock;
import org.argusee.tree.boundary.TreeCache;

/**
 * The master's open slave streams: who is connected, since when, from where, and what each was last told about
 * its config. Ticks (from {@link StreamTicker}) drive heartbeats and config-changed pushes.
 */
@ApplicationScoped
public class SlaveStreams {

    private static final Logger LOG = Logger.getLogger(SlaveStreams.class.getName());

    @Inject
    DarpLogins logins;

    @Inject
    DarpPeers peers;

    @Inject
    ReportIntake intake;

    @Inject
    ServedConfigs configs;

    @Inject
    TreeCache cache;

    @Inject
    DarpSettings settings;

    @Inject
    Event<PeerLinkChanged> linkChanges;

    @Inject
    MasterLease lease;

    /** Stores the slaves' reports off their sockets' threads, so pings are answered while a store waits. */
    @Resource
    ManagedExecutorService executor;

    private final Map<SlaveSocket, SlaveConversation> open = new ConcurrentHashMap<>();
    private final Map<String, SlaveLink> links = new ConcurrentHashMap<>();
    private final Map<String, StreamEnded> ended = new ConcurrentHashMap<>();
    private final Map<SlaveSocket, String> closeReasons = new ConcurrentHashMap<>();
    private volatile long revision = -1;
    private final IdleWait noSocket = new IdleWait(open::isEmpty);

    SlaveConversation open(SlaveSocket socket) {
        SlaveConversation c = new SlaveConversation(new Port(socket), SteadyClock.SYSTEM.instant());
        open.put(socket, c);
        noSocket.signal();
        return c;
    }

    /** Returns while a slave's socket is open, else once one opens: the ticker waits here ({@link StreamTicker}). */
    void awaitSocket() throws InterruptedException {
        noSocket.whileIdle();
    }

    void closed(SlaveSocket socket, SlaveConversation c, String how) {
        open.remove(socket);
        c.gone();
        String reason = Optional.ofNullable(closeReasons.remove(socket)).orElse(how);
        down(c.tag(), socket, reason);
    }

    /** The slave on this socket is down now, even if its socket takes a while to close (a hung peer). */
    private void down(String tag, SlaveSocket socket, String reason) {
        SlaveLink link = tag == null ? null : links.get(tag);
        if (link == null || link.socket != socket || !links.remove(tag, link)) {
            return;
        }
        StreamEnded end =
                new StreamEnded(Instant.now(), reason, SteadyClock.SYSTEM.toWall(link.conversation.lastHeard()));
        ended.put(tag, end);
        announce(tag, false, reason);
        boolean normal = reason.startsWith("connection closed (1000") || reason.startsWith("connection closed (1001");
        LOG.log(normal ? Level.INFO : Level.WARNING, () -> "DARP slave '" + tag + "' disconnected: " + reason);
        // off the caller's thread (the ticker's, for a timeout): a database that hangs must not stall every slave
        Runnable record = () -> {
            try {
                intake.disconnected(tag, end.reason(), end.lastHeard());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DARP: cannot record the disconnection of slave '" + tag + "'", e);
            }
        };
        try {
            executor.execute(record);
        } catch (RejectedExecutionException e) {
            record.run(); // the server is stopping: record it here, as its streams close
        }
    }

    /** Tells the observers (DARP/Watch, the duty) at once; they are quick and never wait for the database. */
    private void announce(String tag, boolean up, String reason) {
        try {
            linkChanges.fire(new PeerLinkChanged(tag, false, up, reason));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: the link change of slave '" + tag + "' cannot be told", e);
        }
    }

    void tick() {
        // liveness on the steady clock: a step of the wall clock neither drops every slave nor stops the pings
        Instant now = SteadyClock.SYSTEM.instant();
        unconfirmed();
        open.forEach((socket, c) -> {
            c.tick(now);
            socket.tick(now);
        });
        if (links.isEmpty()) {
            // nothing to push; and no call into TreeCache, which blocks while the deployment is still starting
            return;
        }
        long current = cache.snapshot().revision();
        if (current != revision) {
            revision = current;
            for (SlaveLink link : links.values()) {
                String version = configs.forSlave(link.tag).version();
                if (!version.equals(link.version)) {
                    link.version = version;
                    link.conversation.configChanged(version);
                }
            }
        }
    }

    public Set<String> connectedTags() {
        return links.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the slave is connected and was heard lately ({@link SlaveConversation#heardLately}). */
    public boolean heardLately(String tag) {
        SlaveLink link = links.get(tag);
        return link != null && link.conversation.heardLately(SteadyClock.SYSTEM.instant());
    }

    /** Sends a connected slave what this master told ({@link ToldSharing}); false if it is not connected. */
    boolean told(String tag, List<ToldItem> items) {
        SlaveLink link = links.get(tag);
        if (link == null) {
            return false;
        }
        link.conversation.told(items);
        return true;
    }

    Optional<SlaveLink> link(String tag) {
        return Optional.ofNullable(links.get(tag));
    }

    Optional<StreamEnded> ended(String tag) {
        return Optional.ofNullable(ended.get(tag));
    }

    /**
     * A peer changed through the application. Its stream closes only when the change takes away its right to it (a
     * new secret or role, deleted, or an address list that no longer allows the stream's address), so it logs in
     * again under the new rules; a label or timeout edit leaves it connected (a new timeout applies from its next
     * connection, as the welcome carries it). Closing records the disconnection in a transaction of its own
     * ({@link ReportIntake#disconnected}): this observer runs after the commit, on a thread whose transaction is over.
     */
    void peerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeerChanged change) {
        configs.forget(change.tag());
        SlaveLink link = links.get(change.tag());
        if (link == null || !change.dropsLinkFrom(link.socket.address())) {
            return;
        }
        link.conversation.end(SlaveConversation.UNAUTHORIZED, "peer changed; log in again");
    }

    /**
     * A paired master whose lease is no longer confirmed (it could not renew it within the lease: its database, or
     * its way to it, is away) may have been replaced by the other member, which still reaches the database: it
     * stops being its slaves' master, so they try the next URL and follow whichever member holds the lease (issue
     * 16, "One member loses its database"). Its reports could not be stored anyway; a slave resends the unacked
     * ones to the member it reaches. A lone master keeps its slaves through a database outage.
     */
    private void unconfirmed() {
        if (!lease.paired() || !lease.role().active() || lease.confirmed() || open.isEmpty()) {
            return;
        }
        LOG.warning(() -> "DARP: this master's lease is not confirmed (the database cannot be reached); its "
                + open.size() + " slave stream(s) closed, so they follow the member that holds the lease");
        open.values().forEach(c -> c.end(1012, "lease not confirmed; log in to the active master"));
    }

    /** This master stepped down to standby (issue 16): its slaves go to the active one. */
    void roleChanged(@Observes MasterRole role) {
        if (!role.active()) {
            open.values().forEach(c -> c.end(1012, "standby now; log in to the active master"));
        }
    }

    @PreDestroy
    void stop() {
        open.values().forEach(c -> c.end(1001, "server shutting down"));
    }

    /** The conversation's view of the server, for one socket. */
    private final class Port implements SlaveConversation.Port {
        private final SlaveSocket socket;

        Port(SlaveSocket socket) {
            this.socket = socket;
        }

        @Override
        public Optional<SlaveConversation.Accepted> accept(String token, long slaveTimeoutMillis) {
            Optional<String> tag = logins.desk().tokens().check(token, socket.address(), Instant.now());
            if (tag.isEmpty()) {
                LOG.warning(() -> "DARP stream from " + socket.address() + " refused: token unknown, expired or"
                        + " from another address");
                return Optional.empty();
            }
            String t = tag.get();
            long timeoutMillis = peers.timeoutSeconds(t) * 1000L;
            String version = configs.forSlave(t).version();
            intake.connected(t, socket.address());
            Message.Welcome welcome =
                    new Message.Welcome(Message.PROTOCOL, settings.tag(), intake.lastSeq(t), timeoutMillis, version);
            SlaveLink previous = links.put(t, new SlaveLink(t, open.get(socket), socket, Instant.now(), version));
            if (previous != null && previous.socket != socket) {
                // a restarted slave's old connection has gone quiet; one heard just now is another server's
                Instant heard = SteadyClock.SYSTEM.toWall(previous.conversation.lastHeard());
                LOG.warning(() -> "DARP slave '" + t + "' connected from " + socket.address()
                        + " while its stream from " + previous.socket.address() + " was open (last heard "
                        + heard + "): the older one is closed (4409). If this repeats, two servers use this tag");
                previous.conversation.end(SlaveConversation.REPLACED, "replaced by a newer connection");
            }
            ended.remove(t);
            announce(t, true, null);
            LOG.info(() -> "DARP slave '" + t + "' connected from " + socket.address());
            return Optional.of(new SlaveConversation.Accepted(t, welcome));
        }

        @Override
        public long apply(String tag, Message.Reports reports) {
            return intake.apply(tag, reports, cache.snapshot());
        }

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public boolean waitsForDatabase(RuntimeException failure) {
            return DatabaseTrouble.isUnreachable(failure);
        }

        @Override
        public void send(String text) {
            socket.send(text);
        }

        @Override
        public void close(int code, String reason) {
            closeReasons.put(socket, reason);
            socket.close(code, reason);
            SlaveConversation c = open.get(socket);
            if (c != null) {
                down(c.tag(), socket, reason);
            }
        }
    }
}
