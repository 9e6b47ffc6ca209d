package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

class SharedConfigsCheckTest {

    private final ConfigChecker checker = new ConfigChecker(ParameterCatalog.standard());

    private CheckedConfig check(String name) {
        return checker.check(ConfigSource.of(SharedConfigs.path(name)));
    }

    /**
     * The diagnostics but for "accepted, not used by this server" (page look, syslog...: what the shared configs
     * carry for the original's CGI pages), which {@link #acceptedNotUsed} counts.
     */
    private static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(Diagnostic::toString)
                .filter(m -> !m.contains(NOT_USED))
                .toList();
    }

    private static final String NOT_USED = "accepted, not used by this server";

    private static List<String> acceptedNotUsed(CheckedConfig c) {
        return c.diagnostics().stream()
                .map(Diagnostic::toString)
                .filter(m -> m.contains(NOT_USED))
                .map(m -> m.substring(m.indexOf("WARNING: ") + 9, m.indexOf("' accepted") + 1))
                .toList();
    }

    @Test
    void whatTheSharedConfigsSetForTheOriginalsPagesIsReportedNotUsed() {
        assertEquals(
                List.of(
                        "'sirensong'",
                        "'bkgimage'",
                        "'icon'",
                        "'icon_down'",
                        "'nospkr_icon'",
                        "'style_sheet'",
                        "'javascript'",
                        "'syslog'"),
                acceptedNotUsed(check("config")));
    }

    @Test
    void configOnlyWarnsAboutItsExampleAlias() {
        CheckedConfig c = check("config");
        assertEquals(
                List.of("config:110: WARNING: alias target 'Top:Foo:Colo' does not exist"), messages(c.diagnostics()));
        assertEquals(28, c.tree().size());
        assertTrue(c.tree()
                .find("Top:Example:Servers:eury:TCP_87_eury.example.com")
                .isPresent());
        assertTrue(c.tree()
                .find("Top:Example:World_Reachability:Root_Servers:Ping_a.root-servers.net")
                .isPresent());
    }

    @Test
    void darpConfigsOnlyWarnAboutTheDeprecatedFooter() {
        String footer = ": WARNING: parameter 'footer_all' is deprecated: deprecated, use footer";
        assertEquals(
                List.of("config-darp-master:25" + footer),
                messages(check("config-darp-master").diagnostics()));
        assertEquals(
                List.of("config-darp-slave:24" + footer),
                messages(check("config-darp-slave").diagnostics()));
    }

    @Test
    void newFeaturesPlaceholderLinesAreErrorsWithTheirLines() {
        CheckedConfig c = check("config-new-features");
        List<String> errors = messages(c.errors());
        String badType = "ERROR: bad service type '[...]': '[...]' is not a known service; known: Ping, TCP, UDP, DNS,"
                + " Domain, Self, Prog, DB, Compute, Agent, DARP";
        assertTrue(errors.contains("config-new-features:112: " + badType), errors::toString);
        assertTrue(errors.contains("config-new-features:113: " + badType), errors::toString);
        assertEquals(12, errors.size(), errors::toString);
    }

    @Test
    void bigConfigHasNoErrors() {
        CheckedConfig c = check("config-big");
        assertFalse(c.hasErrors(), () -> messages(c.errors()).toString());
        // 1 Top + 92 groups + 197 hosts + 590 services + 10 aliases, none left out as a duplicate
        assertEquals(890, c.tree().size());
        assertEquals(
                List.of(
                        "004_essential_services:36: WARNING: alias target "
                                + "'Top:Unix_Servers:renoir:DNS_renoir.example.com' does not exist",
                        "004_essential_services:41: WARNING: alias target "
                                + "'Top:Unix_Servers:pisarro:DNS_pisarro.example.com' does not exist"),
                messages(c.warnings()).stream().filter(m -> m.contains("alias")).toList());
    }

    /** The original's examples/config-agent: Agent services with arg, calc and agent_port, imported clean. */
    @Test
    void agentExampleHasNoDiagnostics() {
        CheckedConfig c = check("config-agent");
        assertEquals(List.of(), messages(c.diagnostics()));
        assertTrue(c.tree().find("Top:Network:astoria.example.com").isPresent());
        assertTrue(c.tree().nodes().anyMatch(n -> "Agent/netstat".equals(n.type())));
    }

    /** The original's examples/config-dashboard: one block, read past with a warning (its groups are elsewhere). */
    @Test
    void dashboardExampleIsAcceptedWithOneWarning() {
        CheckedConfig c = check("config-dashboard");
        assertEquals(
                List.of("config-dashboard:2: WARNING: " + ConfigParser.DASHBOARD_NOT_USED),
                c.diagnostics().stream().map(Diagnostic::toString).toList());
    }
}
