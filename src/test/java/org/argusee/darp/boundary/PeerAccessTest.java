package org.argusee.darp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.darp.control.ScramVerifier;
import org.argusee.darp.entity.DarpPeer;
import org.junit.jupiter.api.Test;

/** Which peer edits take away a connected slave's login and stream (issue 16: a label edit dropped it). */
class PeerAccessTest {

    private static DarpPeer slave() {
        DarpPeer p = new DarpPeer("s1", "slave");
        p.allowFrom("127.0.0.1 ::1");
        p.setSecretVerifier(ScramVerifier.create("the shared secret").text());
        return p;
    }

    @Test
    void aDescriptionOrTimeoutEditChangesNoAccess() {
        DarpPeer p = slave();
        PeerAccess before = PeerAccess.of(p);
        p.describe("a label", "http://127.0.0.1:8080/", true);
        p.timeoutAfter(10);
        assertEquals(PeerChanged.Access.UNCHANGED, before.changeTo(p).access());
    }

    @Test
    void theSameAddressesInAnotherOrderOrSpacingAreNoChange() {
        DarpPeer p = slave();
        PeerAccess before = PeerAccess.of(p);
        p.allowFrom("::1,  127.0.0.1 ::1");
        assertEquals(PeerChanged.Access.UNCHANGED, before.changeTo(p).access());
    }

    @Test
    void otherAddressesAreAnAddressChangeCarryingTheNewList() {
        DarpPeer p = slave();
        PeerAccess before = PeerAccess.of(p);
        p.allowFrom("127.0.0.2");
        PeerChanged change = before.changeTo(p);
        assertEquals(PeerChanged.Access.ADDRESSES, change.access());
        assertEquals("127.0.0.2", change.allowedAddresses());
    }

    @Test
    void aNewSecretOrRoleRevokes() {
        DarpPeer p = slave();
        PeerAccess before = PeerAccess.of(p);
        p.setSecretVerifier(ScramVerifier.create("another secret").text());
        assertEquals(PeerChanged.Access.REVOKED, before.changeTo(p).access());
        DarpPeer q = slave();
        PeerAccess beforeRole = PeerAccess.of(q);
        q.changeRole("master");
        assertEquals(PeerChanged.Access.REVOKED, beforeRole.changeTo(q).access());
    }

    @Test
    void theSameSecretIsHeldSoSettingItAgainChangesNothing() {
        PeerAccess before = PeerAccess.of(slave());
        assertTrue(before.holds("the shared secret"));
        assertFalse(before.holds("the shared secreT"));
        assertFalse(PeerAccess.of(new DarpPeer("s2", "slave")).holds("anything"), "no verifier yet");
    }

    @Test
    void theStreamGoesOnlyWhenItsAddressIsNoLongerAllowed() {
        assertFalse(new PeerChanged("s1", PeerChanged.Access.UNCHANGED, "").dropsLinkFrom("127.0.0.1"));
        assertTrue(PeerChanged.revoked("s1").dropsLinkFrom("127.0.0.1"));
        assertFalse(new PeerChanged("s1", PeerChanged.Access.ADDRESSES, "127.0.0.0/8 ::1").dropsLinkFrom("127.0.0.1"));
        assertTrue(new PeerChanged("s1", PeerChanged.Access.ADDRESSES, "127.0.0.2").dropsLinkFrom("127.0.0.1"));
        assertTrue(new PeerChanged("s1", PeerChanged.Access.ADDRESSES, "").dropsLinkFrom("127.0.0.1"));
    }
}
