package com.shop.order.web;

import com.shop.order.checkout.PlaceOrder;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of {@code POST /api/orders} (docs/design.md#rest-contract). Ids and money are strings
 * (numbers are accepted too); money has at most two decimal places. Unknown fields are refused.
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

    /** A positive BIGINT: up to 19 digits (snowflake ids have 18 or 19); the range is checked below. */
    static final String ID = "[1-9][0-9]{0,18}";
    static final String MONEY = "[0-9]{1,8}(\\.[0-9]{1,2})?";
    /** A negative balance is syntactically fine: the business rule refuses it with MONEY_PAID_LESS_ZERO. */
    static final String SIGNED_MONEY = "-?" + MONEY;

    /** 19 digits can exceed a BIGINT (9223372036854775807): such an id is bad input, not a 500. */
    @AssertTrue(message = "ids must be at most 9223372036854775807")
    public boolean isIdsWithinRange() {
        return fitsLong(userId) && fitsLong(goodsId) && fitsLong(couponId);
    }

    private static boolean fitsLong(String id) {
        if (id == null || !id.matches(ID)) {
            return true; // absent or malformed: reported by the field's own constraint
        }
        try {
            Long.parseLong(id);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    PlaceOrder toCommand() {
        return new PlaceOrder(requestId, Long.parseLong(userId), Long.parseLong(goodsId), goodsNumber,
                new BigDecimal(goodsPrice), new BigDecimal(shippingFee), new BigDecimal(orderAmount),
                couponId == null ? null : Long.valueOf(couponId),
                moneyPaid == null ? null : new BigDecimal(moneyPaid), address, consignee);
    }
}
