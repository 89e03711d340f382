package com.shop.pay;

import com.shop.support.arch.Rooms;
import org.junit.jupiter.api.Test;

/** pay-app's rooms (docs/design.md, Modules): each line in the room it belongs in. */
class ArchitectureTest {

    @Test
    void everyLineIsInItsRoom() {
        // The outbox (mq/Outbox*) is messaging's own table: the one adapter that writes through a mapper.
        Rooms.of("pay", "payment").withAdapterOwningItsTable("Outbox").check();
    }
}
