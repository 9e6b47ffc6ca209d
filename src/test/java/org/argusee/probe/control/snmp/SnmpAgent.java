package org.argusee.probe.control.snmp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A real SNMP agent on 127.0.0.1 for tests, built from SNMP4J's command responder: answers gets in v1 and v2c
 * for its community (other communities get no answer, as real agents do), and in v3 for the USM users it is
 * given (SNMP4J's message processing answers engine discovery and sends most USM reports; unlike Net-SNMP it
 * drops requests for another engine id and undecryptable ones). v1 says noSuchName for an object it lacks, v2c
 * and v3 noSuchObject. Answers can be delayed to play a slow agent.
 */
public final class SnmpAgent implements AutoCloseable, CommandResponder {

    final Map<OID, Supplier<Variable>> values = new ConcurrentHashMap<>();
    /** The context name of every v3 request, in order. */
    final List<String> contexts = new CopyOnWriteArrayList<>();

    final OctetString engineId;
    /** v3 requests as nobody (empty user name): how SNMP4J learns the engine id after the first report. */
    final AtomicInteger anonymous = new AtomicInteger();

    volatile Duration delay = Duration.ZERO;
    private final String community;
    private final Snmp snmp;
    private final UdpAddress address;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-snmp-agent-delay");
        t.setDaemon(true);
        return t;
    });

    private SnmpAgent(String community, UsmUser... users) throws IOException {
        this.community = community;
        SecurityProtocols protocols = SnmpSecurity.protocols();
        engineId = new OctetString(MPv3.createLocalEngineID(new OctetString("argus-test-" + System.nanoTime())));
        USM usm = new USM(protocols, engineId, 0);
        for (UsmUser user : users) {
            usm.addUser(user);
        }
        MPv3 mpv3 = new MPv3(
                engineId.getValue(),
                null,
                protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}),
                CounterSupport.getInstance());
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(mpv3);
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
        transport.setThreadName("test-snmp-agent");
        snmp = new Snmp(dispatcher, transport);
        snmp.addCommandResponder(this);
        snmp.listen();
        address = transport.getListenAddress();
    }

    public static SnmpAgent start(String community, UsmUser... users) throws IOException {
        return new SnmpAgent(community, users);
    }

    public SnmpAgent with(String oid, Variable value) {
        values.put(new OID(oid), () -> value);
        return this;
    }

    SnmpAgent with(String oid, Supplier<Variable> value) {
        values.put(new OID(oid), value);
        return this;
    }

    public int port() {
        return address.getPort();
    }

    String engineHex() {
        return engineId.toHexString().replace(":", "");
    }

    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
        PDU request = event.getPDU();
        event.setProcessed(true);
        boolean v3 = event.getMessageProcessingModel() == MPv3.ID;
        if (request.getType() != PDU.GET
                || !v3 && !community.equals(new String(event.getSecurityName(), StandardCharsets.UTF_8))) {
            return; // another community: silence, as a real agent
        }
        PDU response = v3 ? scoped((ScopedPDU) request, event.getSecurityName()) : new PDU();
        response.setType(PDU.RESPONSE);
        response.setRequestID(request.getRequestID());
        boolean v1 = event.getMessageProcessingModel() == SnmpConstants.version1;
        for (int i = 0; i < request.size(); i++) {
            OID oid = request.get(i).getOid();
            Supplier<Variable> value = values.get(oid);
            if (value == null && v1) {
                response.setErrorStatus(PDU.noSuchName);
                response.setErrorIndex(i + 1);
                response.add(new VariableBinding(oid));
            } else {
                response.add(new VariableBinding(oid, value == null ? Null.noSuchObject : value.get()));
            }
        }
        Runnable answer = () -> answer(event, response);
        if (delay.isZero()) {
            answer.run();
        } else {
            later.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ScopedPDU scoped(ScopedPDU request, byte[] user) {
        if (user.length == 0) {
            anonymous.incrementAndGet();
        }
        contexts.add(request.getContextName().toString());
        ScopedPDU response = new ScopedPDU();
        response.setContextEngineID(request.getContextEngineID());
        response.setContextName(request.getContextName());
        return response;
    }

    private static <A extends Address> void answer(CommandResponderEvent<A> event, PDU response) {
        try {
            event.getMessageDispatcher()
                    .returnResponsePdu(
                            event.getMessageProcessingModel(),
                            event.getSecurityModel(),
                            event.getSecurityName(),
                            event.getSecurityLevel(),
                            response,
                            event.getMaxSizeResponsePDU(),
                            event.getStateReference(),
                            new StatusInformation());
        } catch (MessageException e) {
            throw new IllegalStateException("the test agent could not answer", e);
        }
    }

    @Override
    public void close() throws IOException {
        later.shutdownNow();
        snmp.close();
    }
}
