package com.shop.order;

import com.shop.support.arch.Rooms;
import org.junit.jupiter.api.Test;

/** order-app's rooms (docs/design.md, Modules): each line in the room it belongs in. */
class ArchitectureTest {

    @Test
    void everyLineIsInItsRoom() {
        Rooms.of("order", "checkout", "timeout", "admission").check();
    }
}
