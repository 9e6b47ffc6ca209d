package org.argusee.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    private void work() {}

    @Test
    void aThreadIsNamedAfterTheClassThatWroteItsTask() {
        assertEquals("BackgroundTasksTest", BackgroundTasks.owner(this::work));
        assertEquals("BackgroundTasksTest", BackgroundTasks.owner(() -> {}));
        assertEquals("BackgroundTasksTest", BackgroundTasks.owner(new Runnable() {
            @Override
            public void run() {}
        }));
    }
}
