package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GlobalTransactionSwitchTest {

    @Test
    void thePublishedDataIdHasGlobalTransactionsOnAndTheOffSwitchChangesOnlyThatLine() throws Exception {
        String published = Files.readString(StackSettings.findRoot(Path.of(""))
                .resolve("nacos-config").resolve(GlobalTransactionSwitch.GROUP).resolve(GlobalTransactionSwitch.DATA_ID));
        assertThat(published.lines()).contains(GlobalTransactionSwitch.ON_LINE).doesNotContain(GlobalTransactionSwitch.OFF_LINE);

        String off = GlobalTransactionSwitch.withGlobalTransactionsOff(published);
        assertThat(off.lines()).contains(GlobalTransactionSwitch.OFF_LINE).doesNotContain(GlobalTransactionSwitch.ON_LINE);
        assertThat(off.replace(GlobalTransactionSwitch.OFF_LINE, GlobalTransactionSwitch.ON_LINE)).isEqualTo(published);
    }
}
