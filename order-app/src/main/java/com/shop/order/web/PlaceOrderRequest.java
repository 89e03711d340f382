package com.shop.order.web;

import com.shop.order.checkout.PlaceOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of {@code POST /api/orders} (DESIGN §10). Ids and money are strings (numbers are
 * accepted too); money has at most two decimal places. Unknown fields are refused.
 */
public record PlaceOrderRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String requestId,
        @NotNull @Pattern(regexp = ID) String userId,
        @NotNull @Pattern(regexp = ID) String goodsId,
        @NotNull @Min(1) @Max(10_000) Integer goodsNumber,
        @NotNull @Pattern(regexp = MONEY) String goodsPrice,
        @NotNull @Pattern(regexp = MONEY) String shippingFee,
        @NotNull @Pattern(regexp = MONEY) String orderAmount,
        @Pattern(regexp = ID) String couponId,
        @Pattern(regexp = SIGNED_MONEY) String moneyPaid,
        @NotBlank @Size(max = 255) String address,
        @NotBlank @Size(max = 255) String consignee) {

    static final String ID = "[1-9][0-9]{0,17}";
    static final String MONEY = "[0-9]{1,8}(\\.[0-9]{1,2})?";
    /** A negative balance is syntactically fine: the business rule refuses it with MONEY_PAID_LESS_ZERO. */
    static final String SIGNED_MONEY = "-?" + MONEY;

    PlaceOrder toCommand() {
        return new PlaceOrder(requestId, Long.parseLong(userId), Long.parseLong(goodsId), goodsNumber,
                new BigDecimal(goodsPrice), new BigDecimal(shippingFee), new BigDecimal(orderAmount),
                couponId == null ? null : Long.valueOf(couponId),
                moneyPaid == null ? null : new BigDecimal(moneyPaid), address, consignee);
    }
}
