package com.shop.goods;

import com.shop.support.arch.Rooms;
import org.junit.jupiter.api.Test;

/** goods-app's rooms (docs/design.md, Modules): each line in the room it belongs in. */
class ArchitectureTest {

    @Test
    void everyLineIsInItsRoom() {
        Rooms.of("goods", "stock").check();
    }
}
