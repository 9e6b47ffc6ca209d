package org.argusee.probe.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.argusee.probe.control.compute.ComputeMonitor;
import org.argusee.probe.control.dns.DnsMonitor;
import org.argusee.probe.control.local.DarpWatchMonitor;
import org.argusee.probe.control.local.PeerLinks;
import org.argusee.probe.control.local.SelfMonitor;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.ping.PingMonitor;
import org.argusee.probe.control.ping.PingSettings;
import org.argusee.probe.control.ping.PingTools;
import org.argusee.probe.control.prog.ProgMonitor;
import org.argusee.probe.control.snmp.SnmpMonitor;
import org.argusee.probe.control.tcp.TcpMonitor;
import org.argusee.probe.control.udp.UdpMonitor;
import org.argusee.probe.control.url.UrlMonitor;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing of every family of service types, pinned: which monitor tests each type, and that no other monitor
 * claims it, so the monitors' {@code handles} cannot drift from the one table again.
 */
class MonitorRouteTest {

    /** Type as written, then its route; null when no monitor tests it yet. */
    private static final Object[][] ROUTES = {
        {"TCP", MonitorRoute.TCP},
        {"TCP/SMTP", MonitorRoute.TCP},
        {"TCP/HTTPS", MonitorRoute.TCP},
        {"TCP/POPS", MonitorRoute.TCP},
        {"TCP/SSL", MonitorRoute.TCP},
        {"TCP/Argus", MonitorRoute.TCP},
        {"TCP/Telnet", MonitorRoute.TCP},
        {"tcp/http", MonitorRoute.TCP},
        {"TCP/URL", MonitorRoute.URL},
        {"TCP/RPC/100005", MonitorRoute.RPC},
        {"TCP/DNS", MonitorRoute.DNS},
        {"TCP/Domain/example.com", MonitorRoute.DNS},
        {"TCP/DNS/Serial/example.com", MonitorRoute.DNS},
        {"UDP", MonitorRoute.UDP},
        {"UDP/NTP", MonitorRoute.UDP},
        {"UDP/RADIUS", MonitorRoute.UDP},
        {"UDP/Portmap", MonitorRoute.UDP},
        {"UDP/NFS", MonitorRoute.UDP},
        {"UDP/RPC/100005/3", MonitorRoute.RPC},
        {"UDP/RPC/mountd", MonitorRoute.RPC},
        {"UDP/IAX2", MonitorRoute.UDP},
        {"UDP/DNS", MonitorRoute.DNS},
        {"UDP/Domain/example.com", MonitorRoute.DNS},
        {"UDP/DNS/MX/example.com", MonitorRoute.DNS},
        {"UDP/SNMP", MonitorRoute.SNMP},
        {"UDP/SNMPv2c", MonitorRoute.SNMP},
        {"UDP/SNMPv3", MonitorRoute.SNMP},
        {"UDP/SNMP/ifOperStatus.2", MonitorRoute.SNMP},
        {"DNS", MonitorRoute.DNS},
        {"Domain/example.com", MonitorRoute.DNS},
        {"DNS/A/www.example.com", MonitorRoute.DNS},
        {"DNS/Serial/example.com", MonitorRoute.DNS},
        {"Ping", MonitorRoute.PING},
        {"Prog", MonitorRoute.PROG},
        {"Self/tested", MonitorRoute.SELF},
        {"Self", MonitorRoute.SELF},
        {"Self/Notifs", MonitorRoute.SELF},
        {"Compute", MonitorRoute.COMPUTE},
        {"DARP/Watch/s1", MonitorRoute.DARP_WATCH},
        {"DARP/WATCH/s2", MonitorRoute.DARP_WATCH},
        {"DARP/Watch", MonitorRoute.DARP_WATCH},
        {"Agent/Load", MonitorRoute.TCP},
        {"DB", MonitorRoute.DB},
    };

    /** Routed to their monitor, which then declines them for what the settings ask: not built yet. */
    private static final List<String> DECLINED = List.of("UDP/IAX2", "Self/Notifs");

    private static NetLoop loop;
    private static Map<MonitorRoute, Monitor> monitors;

    @BeforeAll
    static void monitors() throws Exception {
        loop = NetLoop.open();
        UdpMonitor udp = new UdpMonitor(loop);
        monitors = new LinkedHashMap<>();
        monitors.put(MonitorRoute.TCP, new TcpMonitor(loop));
        monitors.put(MonitorRoute.URL, new UrlMonitor(loop));
        monitors.put(MonitorRoute.UDP, udp);
        monitors.put(MonitorRoute.SNMP, SnmpMonitor.open(loop));
        monitors.put(MonitorRoute.DNS, new DnsMonitor(loop, udp));
        monitors.put(MonitorRoute.PING, new PingMonitor(PingTools.find(), PingSettings.DEFAULT));
        monitors.put(MonitorRoute.PROG, new ProgMonitor(Map.of(), 1));
        monitors.put(MonitorRoute.SELF, new SelfMonitor(Map.of()));
        monitors.put(MonitorRoute.COMPUTE, new ComputeMonitor(name -> Optional.empty()));
        monitors.put(MonitorRoute.DARP_WATCH, new DarpWatchMonitor(PeerLinks.NONE));
        monitors.put(
                MonitorRoute.DB,
                new org.argusee.probe.control.db.DbMonitor(1, MonitorRouteTest.class.getClassLoader()));
        monitors.put(MonitorRoute.RPC, new org.argusee.probe.control.rpc.RpcMonitor(loop));
    }

    @AfterAll
    static void close() {
        ((SnmpMonitor) monitors.get(MonitorRoute.SNMP)).close();
        ((PingMonitor) monitors.get(MonitorRoute.PING)).close();
        ((ProgMonitor) monitors.get(MonitorRoute.PROG)).close();
        ((org.argusee.probe.control.db.DbMonitor) monitors.get(MonitorRoute.DB)).close();
        loop.close();
    }

    @Test
    void everyFamilyRoutesToItsMonitor() {
        for (Object[] row : ROUTES) {
            assertEquals(
                    Optional.ofNullable(row[1]), MonitorRoute.of(ServiceType.parse((String) row[0])), (String) row[0]);
        }
    }

    @Test
    void everyRouteHasAMonitorAndIsPinned() {
        assertEquals(List.of(MonitorRoute.values()), List.copyOf(monitors.keySet()));
        for (MonitorRoute route : MonitorRoute.values()) {
            assertTrue(List.of(ROUTES).stream().anyMatch(row -> row[1] == route), route + " has a pinned type");
        }
    }

    @Test
    void onlyTheRoutedMonitorHandlesAType() {
        for (Object[] row : ROUTES) {
            String type = (String) row[0];
            ProbeSpec spec = spec(type);
            List<MonitorRoute> handling = monitors.entrySet().stream()
                    .filter(e -> e.getValue().handles(spec))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toList());
            boolean declined = row[1] == null || DECLINED.contains(type);
            assertEquals(declined ? List.of() : List.of(row[1]), handling, type);
        }
    }

    /** Settings every monitor can test, so that only the type decides. */
    private static ProbeSpec spec(String type) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hostname", "127.0.0.1");
        params.put("port", "1");
        params.put("url", "http://127.0.0.1:1/");
        params.put("command", "true");
        params.put("expr", "1");
        params.put("dsn", "dbi:Pg:dbname=x;host=127.0.0.1;port=1");
        params.put("sql", "select 1");
        if (type.equalsIgnoreCase("UDP")) {
            params.put("send", "x");
        }
        return ProbeSpec.of(ServiceType.parse(type), params);
    }
}
