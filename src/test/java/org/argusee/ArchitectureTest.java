package org.argusee;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the component map of docs/design/00-components.md true: the components under org.argusee depend on each
 * other one way only, lowest first platform, security, tree, status, probe; argusconf on tree; darp on top. A
 * lower component that must reach up owns a port or fires an event (ProbeDuty, ServiceCombiner, ProbeNow,
 * RawResult, PeerSink). Only main classes are looked at: tests may wire components together as they like.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.argusee");
    }

    @Test
    void noCycleBetweenComponents() {
        slices().matching("org.argusee.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachComponentUsesOnlyTheOnesBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("platform")
                .definedBy("org.argusee.platform..")
                .layer("security")
                .definedBy("org.argusee.security..")
                .layer("tree")
                .definedBy("org.argusee.tree..")
                .layer("status")
                .definedBy("org.argusee.status..")
                .layer("probe")
                .definedBy("org.argusee.probe..")
                .layer("argusconf")
                .definedBy("org.argusee.argusconf..")
                .layer("darp")
                .definedBy("org.argusee.darp..")
                .layer("notify")
                .definedBy("org.argusee.notify..")
                .layer("web")
                .definedBy("org.argusee.web..")
                .layer("live")
                .definedBy("org.argusee.live..")
                .whereLayer("live")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("web")
                .mayOnlyBeAccessedByLayers("live")
                .whereLayer("notify")
                .mayOnlyBeAccessedByLayers("web", "live")
                .whereLayer("darp")
                .mayOnlyBeAccessedByLayers("notify", "web", "live")
                .whereLayer("argusconf")
                .mayOnlyBeAccessedByLayers("darp")
                .whereLayer("probe")
                .mayOnlyBeAccessedByLayers("darp")
                .whereLayer("status")
                .mayOnlyBeAccessedByLayers("probe", "darp", "notify", "web", "live")
                .whereLayer("tree")
                .mayOnlyBeAccessedByLayers("status", "probe", "argusconf", "darp", "notify", "web", "live")
                .whereLayer("security")
                .mayOnlyBeAccessedByLayers("tree", "status", "probe", "argusconf", "darp", "notify", "web", "live")
                .check(classes);
    }
}
