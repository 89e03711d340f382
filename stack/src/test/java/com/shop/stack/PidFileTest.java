package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dataDir;

    @Test
    void readsTheComponentAndPidOfEveryRecordedLine() throws Exception {
        Files.writeString(dataDir.resolve("stack.pids"), "4242 mariadb\n4343 order-app\n\n");
        assertThat(new PidFile(dataDir).read()).containsExactly(
                Map.entry("mariadb", 4242L), Map.entry("order-app", 4343L));
    }

    @Test
    void aStackThatRecordedNothingHasNoPids() throws Exception {
        assertThat(new PidFile(dataDir).read()).isEmpty();
    }
}
