package com.shop.order.web;

import com.shop.order.db.OrderRecord;
import com.shop.support.web.Money;

/** An order as the REST contract shows it: ids and money as strings (docs/design.md#rest-contract). */
public record OrderView(String orderId, int orderStatus, int payStatus, String goodsId, int goodsNumber,
                        String goodsAmount, String shippingFee, String orderAmount, String couponPaid,
                        String moneyPaid, String payAmount, String xid) {

    static OrderView of(OrderRecord order) {
        return new OrderView(String.valueOf(order.getOrderId()), order.getOrderStatus(), order.getPayStatus(),
                String.valueOf(order.getGoodsId()), order.getGoodsNumber(),
                Money.format(order.getGoodsAmount()), Money.format(order.getShippingFee()),
                Money.format(order.getOrderAmount()), Money.format(order.getCouponPaid()),
                Money.format(order.getMoneyPaid()), Money.format(order.getPayAmount()), order.getXid());
    }
}
