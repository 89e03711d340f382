package com.shop.api.goods;

import com.shop.api.Outcome;

/** goods-app over Dubbo: goods lookup and stock moves, each recorded per order in the stock log. */
public interface GoodsService {

    /** The goods, or null if there is none with this id. */
    GoodsInfo findGoods(long goodsId);

    /** Takes the quantity from stock for the order; refused with GOODS_NUM_NOT_ENOUGH, never below zero. */
    Outcome reduceStock(long orderId, long goodsId, int quantity);

    /** Puts the order's quantity back, once: a second restore for the same order changes nothing. */
    Outcome restoreStock(long orderId, long goodsId, int quantity);
}
