package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterContextsTest {

    @Test
    void classIsTheContextWithoutItsGroup() {
        assertEquals("MonEl", ParameterContexts.className("MonEl (notify)"));
        assertEquals("DARP::Slave", ParameterContexts.className("DARP::Slave (darps)"));
        assertEquals("TCP", ParameterContexts.className("TCP"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MonEl",
                "MonEl (web)",
                "Service (test)",
                "TCP",
                "UDP",
                "Ping",
                "DNS",
                "Prog",
                "Self",
                "Alias",
                "DataBase (db)",
                "Conf",
                "Argus::IP (ip)",
                "Argus::SNMP (snmp)",
                "Argus::Compute (compute)",
                "DARP::MonEl (darp)",
                "DARP::Service (darp)",
                "DARP::Watch (darpw)"
            })
    void treeContexts(String context) {
        assertTrue(ParameterContexts.isTree(context));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DARP",
                "DARP::Conf",
                "DARP::Conf (darpc)",
                "DARP::Slave (tcp)",
                "Argus::Resolv (resolv)",
                "Argus::Dashboard::Col",
                "NotMe",
                "NotMe (schedule)",
                "Error",
                "Something::New"
            })
    void blockContexts(String context) {
        assertFalse(ParameterContexts.isTree(context));
    }

    @Test
    void unknownClassIsNotClassified() {
        assertFalse(ParameterContexts.isClassified("Something::New"));
        assertTrue(ParameterContexts.isClassified("NotMe (schedule)"));
    }

    @Test
    void inClassMatchesEveryGroupOfTheClass() {
        var darpSlave = ParameterContexts.inClass("DARP::Slave");
        assertTrue(darpSlave.test("DARP::Slave"));
        assertTrue(darpSlave.test("DARP::Slave (tcp)"));
        assertFalse(darpSlave.test("DARP::Conf (darpc)"));
    }
}
