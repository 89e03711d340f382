package com.shop.coupon;

import com.shop.support.arch.Rooms;
import org.junit.jupiter.api.Test;

/** coupon-app's rooms (docs/design.md, Modules): each line in the room it belongs in. */
class ArchitectureTest {

    @Test
    void everyLineIsInItsRoom() {
        Rooms.of("coupon", "coupons").check();
    }
}
