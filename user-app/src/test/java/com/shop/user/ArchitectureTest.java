package com.shop.user;

import com.shop.support.arch.Rooms;
import org.junit.jupiter.api.Test;

/** user-app's rooms (docs/design.md, Modules): each line in the room it belongs in. */
class ArchitectureTest {

    @Test
    void everyLineIsInItsRoom() {
        Rooms.of("user", "balance", "points").check();
    }
}
