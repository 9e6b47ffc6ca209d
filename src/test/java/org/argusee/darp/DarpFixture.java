package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.argusee.darp.control.link.LinkListener;
import org.argusee.darp.control.link.LinkSettings;
import org.argusee.darp.control.link.LinkState;
import org.argusee.darp.control.link.MasterLink;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.testsupport.Api;

/**
 * What a DARP integration test needs on the deployed server (the master): a slave peer of its own with a random
 * tag and secret, allowed from 127.0.0.1, and a group of services only that slave is served. The test JVM plays
 * the slave with the application's own client ({@link MasterLink}).
 */
final class DarpFixture implements AutoCloseable {

    static final String MASTER_TAG = "it-server";

    final Api admin;
    final URI base;
    final String tag = "it-slave-" + UUID.randomUUID().toString().substring(0, 8);
    final String secret = "it-secret-" + UUID.randomUUID();
    final String group = "Darp_" + UUID.randomUUID().toString().substring(0, 8);
    final List<MasterLink> links = new CopyOnWriteArrayList<>();

    DarpFixture(URL base) {
        this.admin = Api.admin(base);
        this.base = admin.base();
    }

    /** The peer, allowed from the given addresses, with the given timeout. */
    DarpFixture peer(String addresses, int timeoutSeconds) {
        Api.Reply reply = admin.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": [%s], "timeoutSeconds": %d, "secret": "%s"}""".formatted(tag, addresses, timeoutSeconds, secret));
        assertEquals(201, reply.status(), reply.toString());
        return this;
    }

    DarpFixture peer() {
        return peer("\"127.0.0.1\"", 60);
    }

    /** Top:group (distributed, for this slave only) with a host and two services, and a sibling nobody is served. */
    DarpFixture tree() {
        created(admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "darp_mode", "value": "distributed"}, {"key": "darp_tags", "value": "%s"},
                  {"key": "frequency", "value": "3600"}]}""".formatted(group, tag)));
        created(admin.post(Api.object(groupName()) + "/children", """
                {"kind": "Host", "name": "darp-it.invalid"}"""));
        created(admin.post(Api.object(hostName()) + "/children", """
                {"kind": "Service", "type": "TCP/SSH"}"""));
        created(admin.post(Api.object(hostName()) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [{"key": "port", "value": "2055"}]}"""));
        created(admin.post(Api.object(hostName()) + "/children", """
                {"kind": "Service", "type": "Self/tested"}"""));
        created(admin.post(Api.object(groupName()) + "/children", """
                {"kind": "Group", "name": "NotServed", "parameters": [{"key": "darp_mode", "value": "none"}]}"""));
        created(admin.post(Api.object(groupName() + ":NotServed") + "/children", """
                {"kind": "Service", "type": "TCP/SMTP", "parameters": [{"key": "hostname", "value": "x.invalid"}]}"""));
        return this;
    }

    String groupName() {
        return "Top:" + group;
    }

    String hostName() {
        return groupName() + ":darp-it.invalid";
    }

    String ssh() {
        return hostName() + ":SSH_darp-it.invalid";
    }

    LinkSettings settings(String withSecret, Duration timeout) {
        return new LinkSettings(
                base, tag, withSecret, MASTER_TAG, timeout, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    /** A link to the master as this slave; closed with the fixture. */
    MasterLink link(Recorder recorder) {
        MasterLink link = new MasterLink(settings(secret, Duration.ofSeconds(10)), null, recorder);
        links.add(link);
        return link;
    }

    @Override
    public void close() {
        links.forEach(MasterLink::close);
        admin.delete(Api.object(groupName()) + "?recursive=true");
        admin.delete("api/darp/peers/" + tag);
    }

    private static void created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
    }

    /** Records what a link brings, for the test to wait on. */
    static final class Recorder implements LinkListener {
        final List<ConfigDocument> configs = new CopyOnWriteArrayList<>();
        final List<Boolean> connections = new CopyOnWriteArrayList<>();
        volatile LinkState state;

        @Override
        public void configFetched(ConfigDocument doc) {
            configs.add(doc);
        }

        @Override
        public void connected(boolean first) {
            connections.add(first);
        }

        @Override
        public void stateChanged(LinkState s) {
            state = s;
        }

        ConfigDocument lastConfig() {
            return configs.isEmpty() ? null : configs.get(configs.size() - 1);
        }
    }
}
