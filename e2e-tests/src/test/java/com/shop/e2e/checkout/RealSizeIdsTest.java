package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ids of production size. Short test ids once hid that the TC could not store the lock key of a
 * stock-log row (two snowflake ids), so every real checkout failed.
 */
@ExtendWith(StackExtension.class)
class RealSizeIdsTest {

    private static final long MAX = Long.MAX_VALUE;

    private final Shop shop;

    RealSizeIdsTest(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aCheckoutWithTheLargestIdsABigintHoldsTakesEveryStep() {
        long user = shop.newUser(MAX, "100.00");
        long goods = shop.newGoods(MAX - 1, 5, "30.00");
        long coupon = shop.newCoupon(MAX - 2, user, "5.00");
        ObjectNode order = shop.validOrder(user, goods, 2, "30.00")
                .put("couponId", String.valueOf(coupon)).put("moneyPaid", "20.00");

        Http.Response response = shop.placeOrder(order);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("goodsId").asText()).isEqualTo("9223372036854775806");
        long orderId = response.json().path("orderId").asLong();
        assertThat(shop.db().count("shop_goods", "SELECT COUNT(*) FROM trade_goods_number_log "
                + "WHERE goods_id = ? AND order_id = ?", goods, orderId)).isEqualTo(1);
        assertThat(shop.db().count("shop_user", "SELECT COUNT(*) FROM trade_user_money_log "
                + "WHERE user_id = ? AND order_id = ?", user, orderId)).isEqualTo(1);
        assertThat(shop.db().count("shop_coupon", "SELECT is_used FROM trade_coupon WHERE coupon_id = ?", coupon))
                .isEqualTo(1);
        shop.invariants().awaitHold(Duration.ofSeconds(30));
    }

    /**
     * The TC builds a lock row as resource id (the JDBC URL up to '?') ^^^ table ^^^ primary key, a
     * composite key joined with '_'. This stores, in the TC's own lock table, the longest such row
     * our tables make with a production-length URL (a host name of 252 characters) and BIGINT-maximal ids.
     */
    @Test
    void theTcLockTableHoldsTheLongestLockKeyOfAProductionUrl() {
        String resourceId = "jdbc:mysql://" + "h".repeat(240) + ".example.com:3306/shop_goods";
        String pk = MAX + "_" + MAX + "_" + 2;
        String table = "trade_goods_number_log";
        String rowKey = resourceId + "^^^" + table + "^^^" + pk;
        try {
            insertLock(rowKey, resourceId, table, pk);
            assertThat(shop.db().count("seata", "SELECT COUNT(*) FROM lock_table WHERE row_key = ?", rowKey))
                    .isEqualTo(1);
        } finally {
            shop.db().update("seata", "DELETE FROM lock_table WHERE xid = 'real-size-id-test'");
        }
    }

    @Test
    void aLockKeyLongerThanTheTcStoresIsRefusedNotTruncated() {
        String resourceId = "jdbc:mysql://" + "h".repeat(500) + ":3306/shop_goods";
        try {
            assertThatThrownBy(() -> insertLock(resourceId + "^^^t^^^1" + "x".repeat(300), resourceId, "t", "1"))
                    .hasMessageContaining("too long");
            assertThat(shop.db().count("seata", "SELECT COUNT(*) FROM lock_table WHERE xid = 'real-size-id-test'"))
                    .isZero();
        } finally {
            shop.db().update("seata", "DELETE FROM lock_table WHERE xid = 'real-size-id-test'");
        }
    }

    /** As the TC inserts it, in the same strict SQL mode its store URL sets. */
    private void insertLock(String rowKey, String resourceId, String table, String pk) {
        shop.db().updateStrict("seata", "INSERT INTO lock_table (row_key, xid, transaction_id, branch_id, resource_id, "
                + "table_name, pk, status, gmt_create, gmt_modified) "
                + "VALUES (?, 'real-size-id-test', 1, 1, ?, ?, ?, 0, NOW(), NOW())", rowKey, resourceId, table, pk);
    }
}
