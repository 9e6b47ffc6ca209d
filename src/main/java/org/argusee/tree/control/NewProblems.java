package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The configuration problems a new snapshot has that the previous one did not: logged once each as the tree changes,
 * so a problem that stays is not logged again after every change.
 */
public final class NewProblems {

    private static final Logger LOG = Logger.getLogger(NewProblems.class.getName());

    private NewProblems() {}

    /** Logs, as a warning each, the problems of {@code next} that {@code previous} did not have. */
    public static void log(TreeSnapshot previous, TreeSnapshot next) {
        for (ConfigProblem p : between(previous, next)) {
            LOG.warning(() -> "Configuration problem in " + p.object() + " (" + p.field() + "): " + p.message());
        }
    }

    /** The problems of {@code next} that {@code previous} did not have, in {@code next}'s order. */
    static List<ConfigProblem> between(TreeSnapshot previous, TreeSnapshot next) {
        Set<ConfigProblem> known = new HashSet<>(previous.problems());
        List<ConfigProblem> found = new ArrayList<>();
        for (ConfigProblem p : next.problems()) {
            if (!known.contains(p)) {
                found.add(p);
            }
        }
        return found;
    }
}
