package org.argusee.argusconf.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ConfigChecker;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigWriter;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ConfigProblem;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Argus configuration language over HTTP: syntax check, import (one file as text/plain, a config directory as
 * a zip archive) and export. An import is one transaction; with errors nothing is changed.
 */
@Path("config")
@RequestScoped
@Tag(name = "config", description = "Argus 3.7 configuration files: check, import, export")
public class ConfigResource {

    private static final Logger LOG = Logger.getLogger(ConfigResource.class.getName());

    @Inject
    TreeCache cache;

    @Inject
    ConfigImporter importer;

    @Inject
    ConfigBlocks blocks;

    @POST
    @Path("check")
    @Consumes({MediaType.TEXT_PLAIN, Upload.ZIP, Upload.TAR, Upload.GZIP, Upload.X_GZIP})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Check an Argus configuration and report every error and warning; changes nothing")
    public CheckReport check(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("main") String main) {
        Upload.Read upload = Upload.read(body, contentType, ConfigLimits.defaults(), main);
        CheckedConfig checked = checked(upload);
        Map<String, Long> objects = new LinkedHashMap<>();
        for (ObjectKind kind : List.of(ObjectKind.GROUP, ObjectKind.HOST, ObjectKind.SERVICE, ObjectKind.ALIAS)) {
            objects.put(kind.label(), checked.parsed().count(kind));
        }
        return new CheckReport(
                !checked.hasErrors(),
                checked.errors().size(),
                checked.warnings().size(),
                objects,
                checked.diagnostics().stream().map(DiagnosticView::of).toList(),
                upload.layout());
    }

    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, Upload.ZIP, Upload.TAR, Upload.GZIP, Upload.X_GZIP})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Import an Argus configuration under root (default Top): mode merge (default) or replace;"
                    + " dryRun=true only shows what would change; main names an archive's main file")
    public ImportReport importConfig(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") @DefaultValue("merge") String mode,
            @QueryParam("root") @DefaultValue("Top") String root,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("main") String main) {
        ImportPlan.Mode importMode = mode(mode);
        long start = System.nanoTime();
        Upload.Read upload = Upload.read(body, contentType, ConfigLimits.defaults(), main);
        long read = System.nanoTime();
        CheckedConfig checked = checked(upload);
        long done = System.nanoTime();
        LOG.info(() -> "Import: upload read in " + (read - start) / 1_000_000 + " ms, parsed and checked in "
                + (done - read) / 1_000_000 + " ms");
        if (checked.hasErrors()) {
            List<FieldError> errors = checked.errors().stream()
                    .map(d -> new FieldError(d.file() + ":" + d.line(), d.message()))
                    .toList();
            throw new ArgusException.Invalid(
                    "the configuration has " + errors.size() + " errors; nothing was imported", errors);
        }
        ConfigImporter.Outcome outcome = importer.importConfig(checked, root, importMode, dryRun);
        LOG.info(() -> "Import: transaction, commit and snapshot in " + (System.nanoTime() - done) / 1_000_000 + " ms");
        ImportPlan plan = outcome.plan();
        return new ImportReport(
                importMode.name().toLowerCase(Locale.ROOT),
                root,
                dryRun,
                !dryRun && !outcome.changesNothing(),
                plan.added(),
                plan.changed(),
                plan.details(),
                plan.removed(),
                plan.unchanged(),
                outcome.blockChanges(),
                outcome.peersAdded(),
                outcome.peersUpdated(),
                outcome.notes(),
                checked.warnings().stream().map(DiagnosticView::of).toList(),
                upload.layout());
    }

    @GET
    @Path("export")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.ADMIN) // it holds secrets (SNMP communities, passwords) and every object, ACLs aside
    @Operation(summary = "The tree under root (default Top) as Argus configuration text")
    public String export(@QueryParam("root") @DefaultValue("Top") String root) {
        TreeNode node = cache.snapshot()
                .find(root)
                .orElseThrow(() -> new ArgusException.NotFound("root", "no object named '" + root + "'"));
        return ConfigWriter.write(node, blocks.under(node));
    }

    @GET
    @Path("problems")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Rows of the configuration the server could not use, and why")
    public List<ConfigProblem> problems() {
        return cache.snapshot().problems();
    }

    private CheckedConfig checked(Upload.Read upload) {
        return new ConfigChecker(cache.catalog()).check(upload.source());
    }

    private static ImportPlan.Mode mode(String text) {
        try {
            return ImportPlan.Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ArgusException.Invalid("mode", "mode must be 'merge' or 'replace'");
        }
    }
}
