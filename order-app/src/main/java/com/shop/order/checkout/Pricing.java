package com.shop.order.checkout;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money rules of a checkout, pure: no lookups, no Spring, testable on their own. The client
 * states every amount it saw; the shop recomputes each and refuses the first that differs.
 *
 * <ul>
 *   <li>goods amount = goods price × quantity;</li>
 *   <li>shipping is free when the goods amount is above 100.00, else 10.00 (from the goods
 *       amount — the source notes took it from the order amount, which already holds the fee);</li>
 *   <li>order amount = goods amount + shipping fee;</li>
 *   <li>balance used ≥ 0, ≤ the user's balance, and with the coupon ≤ the order amount;</li>
 *   <li>pay amount = order amount − balance used − coupon value.</li>
 * </ul>
 */
public final class Pricing {

    public static final BigDecimal FREE_SHIPPING_ABOVE = new BigDecimal("100.00");
    public static final BigDecimal SHIPPING_FEE = new BigDecimal("10.00");

    private Pricing() {
    }

    /** What the goods cost with shipping, as the shop computes it from the goods' current price. */
    public record Amounts(BigDecimal goodsAmount, BigDecimal shippingFee, BigDecimal orderAmount) {
    }

    public static BigDecimal shippingFeeFor(BigDecimal goodsAmount) {
        return goodsAmount.compareTo(FREE_SHIPPING_ABOVE) > 0 ? money(BigDecimal.ZERO) : SHIPPING_FEE;
    }

    /** The client's price, shipping fee and order amount against the shop's, in that order. */
    public static Amounts amounts(PlaceOrder order, BigDecimal currentPrice) {
        if (order.goodsPrice().compareTo(currentPrice) != 0) {
            throw new ShopException(ErrorCode.GOODS_PRICE_INVALID,
                    "The price of goods " + order.goodsId() + " is " + money(currentPrice));
        }
        BigDecimal goodsAmount = money(currentPrice.multiply(BigDecimal.valueOf(order.goodsNumber())));
        BigDecimal shippingFee = shippingFeeFor(goodsAmount);
        if (order.shippingFee().compareTo(shippingFee) != 0) {
            throw new ShopException(ErrorCode.ORDER_SHIPPINGFEE_INVALID, "The shipping fee is " + shippingFee);
        }
        BigDecimal orderAmount = goodsAmount.add(shippingFee);
        if (order.orderAmount().compareTo(orderAmount) != 0) {
            throw new ShopException(ErrorCode.ORDERAMOUNT_INVALID, "The order amount is " + orderAmount);
        }
        return new Amounts(goodsAmount, shippingFee, orderAmount);
    }

    /** The balance the client wants to use against the rules, and what is left to pay. */
    public static PricedOrder priced(PlaceOrder order, Amounts amounts, BigDecimal couponValue, BigDecimal userBalance) {
        BigDecimal couponPaid = money(couponValue);
        BigDecimal moneyPaid = money(order.moneyPaid() == null ? BigDecimal.ZERO : order.moneyPaid());
        if (moneyPaid.signum() < 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_LESS_ZERO, "The balance to use must not be negative");
        }
        if (moneyPaid.compareTo(userBalance) > 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_INVALID, "The balance is " + money(userBalance));
        }
        if (moneyPaid.add(couponPaid).compareTo(amounts.orderAmount()) > 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_INVALID,
                    "Balance plus coupon exceed the order amount " + amounts.orderAmount());
        }
        BigDecimal payAmount = amounts.orderAmount().subtract(moneyPaid).subtract(couponPaid);
        return new PricedOrder(order, amounts.goodsAmount(), amounts.shippingFee(), amounts.orderAmount(),
                couponPaid, moneyPaid, payAmount);
    }

    /** Two decimals, exactly: amounts of the contract never have more, so nothing is ever rounded. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
