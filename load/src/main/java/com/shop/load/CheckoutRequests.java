package com.shop.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import com.shop.order.checkout.Pricing;
import com.shop.stack.Components;
import com.shop.stack.Ports;
import com.shop.support.web.Money;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.math.BigDecimal;
import java.util.UUID;

/** The checkout request every scenario sends, and where it goes: order-app's REST API on this host. */
final class CheckoutRequests {

    static final String ORDER_APP = Ports.url(Components.ORDER);
    static final String PATH = "/api/orders";

    private CheckoutRequests() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(ORDER_APP).contentTypeHeader("application/json").acceptHeader("application/json");
    }

    /** A checkout of {@code quantity} units at {@code price}, amounts as the shop computes them, {@code balance} paid from the user's money. */
    static String body(long user, long goods, int quantity, BigDecimal price, BigDecimal balance) {
        BigDecimal goodsAmount = price.multiply(BigDecimal.valueOf(quantity));
        BigDecimal shipping = Pricing.shippingFeeFor(goodsAmount);
        return "{\"requestId\":\"load-" + UUID.randomUUID() + "\",\"userId\":\"" + user + "\",\"goodsId\":\"" + goods
                + "\",\"goodsNumber\":" + quantity + ",\"goodsPrice\":\"" + Money.format(price)
                + "\",\"shippingFee\":\"" + Money.format(shipping) + "\",\"orderAmount\":\"" + Money.format(goodsAmount.add(shipping))
                + "\",\"moneyPaid\":\"" + Money.format(balance) + "\",\"address\":\"1 Load Street\",\"consignee\":\"Load Buyer\"}";
    }
}
