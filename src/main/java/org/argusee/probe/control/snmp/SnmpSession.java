package org.argusee.probe.control.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.snmp4j.DirectUserTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUserEntry;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The one SNMP4J session all SNMP probes share: one UDP socket (SNMP4J's own receive thread, which completes the
 * probes), v1, v2c and v3 (USM), and a thread of our own for the work between round trips (sending, localizing
 * keys), so none of it runs on the caller's timer thread or delays the receive thread.
 *
 * <p>v3 credentials never enter the USM user table, where one user name can have only one passphrase: each
 * request carries its user's keys, localized to the agent's engine id ({@link DirectUserTarget}), so agents may
 * give the same user name different passphrases. Localizing hashes a megabyte, hence the cache.
 */
final class SnmpSession implements AutoCloseable {

    /** More distinct (agent, user) pairs than this is unusual; the cache then starts again rather than grow. */
    private static final int MAX_KEYS = 10_000;

    private final Snmp snmp;
    private final MPv3 mpv3;
    private final ExecutorService worker;
    private final Map<Keyed, UsmUserEntry> keys = new ConcurrentHashMap<>();

    private record Keyed(OctetString engine, SnmpUser user) {}

    private SnmpSession(Snmp snmp, MPv3 mpv3) {
        this.snmp = snmp;
        this.mpv3 = mpv3;
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "argus-snmp");
            t.setDaemon(true);
            return t;
        });
    }

    static SnmpSession open() throws IOException {
        // An agent sends "wrong digest" and similar reports unauthenticated (RFC 3412 7.1.3): the standard
        // strategy drops them, and a wrong passphrase would look like a dead agent ("timeout").
        SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
        SecurityProtocols protocols = SnmpSecurity.protocols();
        byte[] engineId = MPv3.createLocalEngineID();
        USM usm = new USM(protocols, new OctetString(engineId), 0);
        MPv3 mpv3 = new MPv3(
                engineId,
                null,
                protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}),
                CounterSupport.getInstance());
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(mpv3);
        DefaultUdpTransportMapping transport = transport();
        transport.setThreadName("argus-snmp-receive");
        Snmp snmp = new Snmp(dispatcher, transport);
        snmp.listen();
        return new SnmpSession(snmp, mpv3);
    }

    /** The IPv6 wildcard reaches IPv4 agents as well on a dual-stack host; a host without IPv6 gets IPv4 only. */
    private static DefaultUdpTransportMapping transport() throws IOException {
        try {
            return new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName("::"), 0));
        } catch (IOException e) {
            return new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName("0.0.0.0"), 0));
        }
    }

    Executor worker() {
        return worker;
    }

    void send(PDU pdu, Target<UdpAddress> target, Object handle, ResponseListener listener) throws IOException {
        snmp.send(pdu, target, handle, listener);
    }

    /** Frees a request SNMP4J still holds: after its answer, or when the probe ended without one. */
    void cancel(PDU pdu, ResponseListener listener) {
        snmp.cancel(pdu, listener);
    }

    /** The agent's engine id if an earlier answer taught it (SNMP4J caches it per address). */
    Optional<OctetString> engine(UdpAddress agent) {
        return Optional.ofNullable(mpv3.getEngineID(agent));
    }

    /** After an agent said the engine id is not its own (reinstalled, replaced): discover it next time. */
    void forgetEngine(UdpAddress agent) {
        mpv3.removeEngineID(agent);
    }

    /** A target for the user at the agent, with keys localized to its engine id. Worker thread. */
    DirectUserTarget<UdpAddress> target(UdpAddress agent, OctetString engine, SnmpUser user) {
        if (keys.size() > MAX_KEYS) {
            keys.clear();
        }
        UsmUserEntry entry = keys.computeIfAbsent(
                new Keyed(engine, user),
                k -> snmp.createLocalizedUsmUserEntry(
                        engine.getValue(), user.name(), user.auth(), user.authPass(), user.priv(), user.privPass()));
        DirectUserTarget<UdpAddress> target = new DirectUserTarget<>();
        target.setAddress(agent);
        target.setAuthoritativeEngineID(engine.getValue());
        snmp.setLocalizedUserCredentials(target, entry);
        target.setSecurityLevel(user.securityLevel());
        return target;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            snmp.close();
        } catch (IOException e) {
            // the socket is going away with the monitor either way
        }
    }
}
