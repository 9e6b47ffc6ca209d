package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockPlanTest {

    private static ConfigBlock method(String name, String command) {
        return new ConfigBlock("Method", name, List.of(new ConfigBlock.Line("command", command, false)), List.of());
    }

    private static final ConfigBlock RESOLV = new ConfigBlock("Resolv", null, List.of(), List.of());

    @Test
    void mergeReplacesBlocksOfTheSameIdentityAndKeepsTheOthers() {
        Map<String, List<ConfigBlock>> now = Map.of("Top", List.of(method("mail", "a"), method("pager", "p"), RESOLV));
        Map<String, List<ConfigBlock>> file = Map.of("Top", List.of(method("mail", "b"), method("sms", "s")));
        assertEquals(
                List.of("Top: Method \"mail\" changed", "Top: Method \"sms\" added"),
                BlockPlan.changes(now, file, ImportPlan.Mode.MERGE));
        assertEquals(
                List.of(method("mail", "b"), method("pager", "p"), RESOLV, method("sms", "s")),
                BlockPlan.merged(now.get("Top"), file.get("Top")));
    }

    @Test
    void replaceRemovesWhatTheFileDoesNotHave() {
        Map<String, List<ConfigBlock>> now = Map.of(
                "Top",
                List.of(method("mail", "a"), RESOLV),
                "Top:G",
                List.of(new ConfigBlock("cron", "0 * * * *", List.of(), List.of())));
        Map<String, List<ConfigBlock>> file = Map.of("Top", List.of(method("mail", "a")), "Top:G", List.of());
        assertEquals(
                List.of("Top: Resolv removed", "Top:G: cron \"0 * * * *\" removed"),
                BlockPlan.changes(now, file, ImportPlan.Mode.REPLACE).stream()
                        .sorted()
                        .toList());
    }

    @Test
    void sameBlocksAreNoChange() {
        Map<String, List<ConfigBlock>> now = Map.of("Top", List.of(method("mail", "a")));
        assertEquals(List.of(), BlockPlan.changes(now, now, ImportPlan.Mode.REPLACE));
        assertEquals(List.of(), BlockPlan.changes(now, now, ImportPlan.Mode.MERGE));
    }
}
