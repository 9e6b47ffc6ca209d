package org.argusee.argusconf.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.argusee.argusconf.control.BlockEdit;
import org.argusee.argusconf.control.ConfigBlock;
import org.argusee.argusconf.control.ConfigWriter;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.hibernate.Session;

/**
 * The stored Method, Resolv, snmpoid, schedule and cron blocks one at a time: listed, read as text, replaced by
 * checked text in one transaction. A block keeps its row id and place; its version is a digest of its text, so a
 * save made against text that has changed meanwhile is refused instead of overwriting the other change.
 */
@Stateless
public class StoredBlocks {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    /**
     * One block as the page lists it ({@code object}: the full name of the object it is stored on; {@code version}:
     * as {@link Text#version}, so an open editor can tell at the next listing that someone changed its block).
     */
    public record Summary(long id, String object, String keyword, String name, String identity, String version) {}

    /** One block's text, the version to send back with a change, and the checker's warnings about it. */
    public record Text(
            long id,
            String object,
            String keyword,
            String name,
            String text,
            String version,
            List<DiagnosticView> warnings) {}

    public List<Summary> list() {
        List<BlockRows.Top> tops = session().doReturningWork(c -> new BlockRows(c).tops(null));
        return tops.stream()
                .map(t -> new Summary(
                        t.id(),
                        objectName(t.objectId()),
                        t.block().keyword(),
                        t.block().name(),
                        t.block().identity(),
                        version(t.block())))
                .toList();
    }

    public Text read(long id) {
        Located found = locate(id, false);
        return text(found, List.of());
    }

    /**
     * @param version the version the text was edited from; null or blank skips the check (a script that means it)
     */
    public Text replace(long id, String text, String version) {
        Located found = locate(id, true);
        if (version != null && !version.isBlank() && !version.strip().equals(version(found.block()))) {
            throw new ArgusException.Conflict(
                    "version", "this block was changed by someone else since you opened it; reload it and edit again");
        }
        BlockEdit edit = checked(BlockEdit.check(text, found.block().keyword(), cache.catalog()));
        ConfigBlock block = edit.block();
        for (int i = 0; i < found.siblings().size(); i++) {
            if (i != found.index() && found.siblings().get(i).identity().equals(block.identity())) {
                throw new ArgusException.Conflict(
                        "text", found.object() + " already has a block " + block.identity() + "; choose another name");
            }
        }
        if (!block.equals(found.block())) {
            session().doWork(c -> new BlockRows(c).rewrite(id, found.objectId(), block));
        }
        return text(
                new Located(id, found.objectId(), found.object(), block, found.siblings(), found.index()),
                edit.warnings().stream().map(DiagnosticView::of).toList());
    }

    /** A new block on an object, after its others (as an import under that object would put it). */
    public Text create(String objectName, String text) {
        lockRevision();
        if (objectName == null || objectName.isBlank()) {
            throw new ArgusException.Invalid("object", "name the object the block belongs to, such as Top");
        }
        TreeNode node = cache.snapshot()
                .find(objectName.strip())
                .orElseThrow(() -> new ArgusException.NotFound("object", "no object named '" + objectName + "'"));
        BlockEdit edit = checked(BlockEdit.checkNew(text == null ? "" : text, cache.catalog()));
        ConfigBlock block = edit.block();
        Map<Long, List<ConfigBlock>> loaded =
                session().doReturningWork(c -> new BlockRows(c).load(new Long[] {node.id()}));
        if (loaded.getOrDefault(node.id(), List.of()).stream()
                .anyMatch(b -> b.identity().equals(block.identity()))) {
            throw new ArgusException.Conflict(
                    "text", node.fullName() + " already has a block " + block.identity() + "; choose another name");
        }
        long id = session().doReturningWork(c -> new BlockRows(c).append(node.id(), block));
        List<ConfigBlock> siblings = List.of(block);
        return text(
                new Located(id, node.id(), node.fullName(), block, siblings, 0),
                edit.warnings().stream().map(DiagnosticView::of).toList());
    }

    /** Removes a block (a Method with its schedules); {@code version} as for {@link #replace}. */
    public void delete(long id, String version) {
        Located found = locate(id, true);
        if (version != null && !version.isBlank() && !version.strip().equals(version(found.block()))) {
            throw new ArgusException.Conflict(
                    "version", "this block was changed by someone else since you opened it; reload it first");
        }
        session().doWork(c -> new BlockRows(c).remove(id));
    }

    /** The edit if it has no errors; else every error by its line, and nothing stored. */
    private static BlockEdit checked(BlockEdit edit) {
        if (!edit.errors().isEmpty()) {
            List<FieldError> errors = edit.errors().stream()
                    .map(d -> new FieldError(d.file() + ":" + d.line(), d.message()))
                    .toList();
            throw new ArgusException.Invalid(
                    "the block has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                            + "; nothing was stored",
                    errors);
        }
        return edit;
    }

    private void lockRevision() {
        em.createNativeQuery("select revision from argus.config_revision where id = 1 for update")
                .getSingleResult();
    }

    private record Located(
            long id, long objectId, String object, ConfigBlock block, List<ConfigBlock> siblings, int index) {}

    /** The block with the others of its object; {@code lock} first takes the configuration revision's row lock. */
    private Located locate(long id, boolean lock) {
        if (lock) {
            lockRevision();
        }
        Long objectId = session().doReturningWork(c -> new BlockRows(c).objectOf(id));
        if (objectId == null) {
            throw new ArgusException.NotFound("id", "no stored block with id " + id);
        }
        List<BlockRows.Top> tops = session().doReturningWork(c -> new BlockRows(c).tops(new Long[] {objectId}));
        List<ConfigBlock> siblings = tops.stream().map(BlockRows.Top::block).toList();
        int index = tops.stream().map(BlockRows.Top::id).toList().indexOf(id);
        return new Located(id, objectId, objectName(objectId), siblings.get(index), siblings, index);
    }

    private Text text(Located found, List<DiagnosticView> warnings) {
        ConfigBlock b = found.block();
        return new Text(found.id(), found.object(), b.keyword(), b.name(), ConfigWriter.write(b), version(b), warnings);
    }

    private String objectName(long objectId) {
        return cache.snapshot().byId(objectId).map(TreeNode::fullName).orElse("#" + objectId);
    }

    static String version(ConfigBlock block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ConfigWriter.write(block).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private Session session() {
        return Objects.requireNonNull(em.unwrap(Session.class));
    }
}
