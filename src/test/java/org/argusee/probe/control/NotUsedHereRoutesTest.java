package org.argusee.probe.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.argusconf.control.NotUsedHere;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

/** The checker's list of service types not probed here agrees with the monitors' routes. */
class NotUsedHereRoutesTest {

    @Test
    void everyListedTypeHasNoMonitor() {
        assertFalse(NotUsedHere.list().types().isEmpty());
        for (String type : NotUsedHere.list().types().keySet()) {
            assertTrue(MonitorRoute.of(ServiceType.parse(type)).isEmpty(), type + " is probed after all");
        }
    }

    @Test
    void probedTypesAreNotListed() {
        for (String type : new String[] {"TCP/SMTP", "UDP/RPC/mountd", "Ping", "Prog", "DARP/Watch/x", "UDP/SNMP"}) {
            assertTrue(NotUsedHere.list().type(ServiceType.parse(type)).isEmpty(), type);
            assertTrue(MonitorRoute.of(ServiceType.parse(type)).isPresent(), type);
        }
    }
}
