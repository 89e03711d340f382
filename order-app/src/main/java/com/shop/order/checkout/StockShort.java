package com.shop.order.checkout;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;

/** {@code GOODS_NUM_NOT_ENOUGH} with the stock the check saw, so buyers queued behind can be told at once. */
public class StockShort extends ShopException {

    private final int left;

    public StockShort(long goodsId, int left) {
        super(ErrorCode.GOODS_NUM_NOT_ENOUGH, "Only " + left + " of goods " + goodsId + " left");
        this.left = left;
    }

    public int left() {
        return left;
    }
}
