package com.shop.order.web;

import com.shop.order.db.OrderRecord;
import com.shop.support.web.Money;
import java.time.ZoneId;

/**
 * An order as the REST contract shows it: ids and money as strings (docs/design.md#rest-contract);
 * {@code payDeadline}, an ISO-8601 instant, is when a confirmed order still unpaid gets cancelled. The two
 * statuses go out as their codes, the numbers the contract documents.
 */
public record OrderView(String orderId, int orderStatus, int payStatus, String goodsId, int goodsNumber,
                        String goodsAmount, String shippingFee, String orderAmount, String couponPaid,
                        String moneyPaid, String payAmount, String payDeadline, String xid) {

    static OrderView of(OrderRecord order) {
        return new OrderView(String.valueOf(order.getOrderId()), order.getOrderStatus().code(), order.getPayStatus().code(),
                String.valueOf(order.getGoodsId()), order.getGoodsNumber(),
                Money.format(order.getGoodsAmount()), Money.format(order.getShippingFee()),
                Money.format(order.getOrderAmount()), Money.format(order.getCouponPaid()),
                Money.format(order.getMoneyPaid()), Money.format(order.getPayAmount()),
                order.getPayDeadline() == null ? null
                        : order.getPayDeadline().atZone(ZoneId.systemDefault()).toInstant().toString(),
                order.getXid());
    }
}
