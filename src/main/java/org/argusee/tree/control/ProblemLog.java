package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;

/** The problems found while building one snapshot, in the order found. */
final class ProblemLog {

    private final List<ConfigProblem> problems = new ArrayList<>();

    void add(String object, String field, String message) {
        problems.add(new ConfigProblem(object, field, message));
    }

    List<ConfigProblem> list() {
        return List.copyOf(problems);
    }
}
