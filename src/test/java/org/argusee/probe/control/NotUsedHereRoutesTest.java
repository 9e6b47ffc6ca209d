package org.argusee.probe.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.argusconf.control.NotUsedHere;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

/** The checker's list of service types not probed here agrees with the monitors' routes. */
class NotUsedHereRoutesTest {

    @Test
    void everyListedTypeHasNoMonitor() throws java.io.IOException {
        // empty since RPC is probed: every type of the original has a monitor; the check stays for new entries
        try (org.argusee.probe.control.net.NetLoop loop = org.argusee.probe.control.net.NetLoop.open()) {
            var udp = new org.argusee.probe.control.udp.UdpMonitor(loop);
            for (String type : NotUsedHere.list().types().keySet()) {
                ServiceType t = ServiceType.parse(type + "/mountd");
                // routed to no monitor, or to one that declines it (UDP/RPC by program)
                boolean probed = MonitorRoute.of(t).isPresent()
                        && (MonitorRoute.of(t).get() != MonitorRoute.UDP || udp.handles(Probes.spec(t.text())));
                assertFalse(probed, type + " is probed after all");
                assertTrue(NotUsedHere.list().type(t).isPresent(), type);
            }
        }
    }

    @Test
    void probedTypesAreNotListed() {
        for (String type : new String[] {
            "TCP/SMTP",
            "UDP/Portmap",
            "UDP/NFS",
            "Ping",
            "Prog",
            "DARP/Watch/x",
            "UDP/SNMP",
            "TCP/RPC/mountd",
            "UDP/RPC/100005/3"
        }) {
            assertTrue(NotUsedHere.list().type(ServiceType.parse(type)).isEmpty(), type);
            assertTrue(MonitorRoute.of(ServiceType.parse(type)).isPresent(), type);
        }
    }
}
