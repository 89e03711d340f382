package com.shop.order.checkout;

import com.shop.api.coupon.CouponInfo;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.goods.GoodsInfo;
import com.shop.api.user.UserInfo;
import com.shop.order.rpc.CouponProxy;
import com.shop.order.rpc.GoodsProxy;
import com.shop.order.rpc.UserProxy;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The checks of DESIGN §4, in its order, each refusing with its own code. They only read; the
 * conditional updates of the providers remain the final word under concurrency.
 */
@Component
public class CheckoutChecks {

    static final BigDecimal FREE_SHIPPING_ABOVE = new BigDecimal("100.00");
    static final BigDecimal SHIPPING_FEE = new BigDecimal("10.00");

    private final GoodsProxy goods;
    private final CouponProxy coupons;
    private final UserProxy users;

    public CheckoutChecks(GoodsProxy goods, CouponProxy coupons, UserProxy users) {
        this.goods = goods;
        this.coupons = coupons;
        this.users = users;
    }

    public PricedOrder check(PlaceOrder order) {
        GoodsInfo goodsInfo = goods.find(order.goodsId());
        if (goodsInfo == null) {
            throw new ShopException(ErrorCode.GOODS_NO_EXIST, "No goods " + order.goodsId());
        }
        UserInfo user = users.find(order.userId());
        if (user == null) {
            throw new ShopException(ErrorCode.USER_NO_EXIST, "No user " + order.userId());
        }
        if (order.goodsNumber() > goodsInfo.getGoodsNumber()) {
            throw new ShopException(ErrorCode.GOODS_NUM_NOT_ENOUGH,
                    "Only " + goodsInfo.getGoodsNumber() + " of goods " + order.goodsId() + " left");
        }
        if (order.goodsPrice().compareTo(goodsInfo.getGoodsPrice()) != 0) {
            throw new ShopException(ErrorCode.GOODS_PRICE_INVALID,
                    "The price of goods " + order.goodsId() + " is " + goodsInfo.getGoodsPrice());
        }
        BigDecimal goodsAmount = goodsInfo.getGoodsPrice().multiply(BigDecimal.valueOf(order.goodsNumber()));
        BigDecimal shippingFee = shippingFeeFor(goodsAmount);
        if (order.shippingFee().compareTo(shippingFee) != 0) {
            throw new ShopException(ErrorCode.ORDER_SHIPPINGFEE_INVALID, "The shipping fee is " + shippingFee);
        }
        BigDecimal orderAmount = goodsAmount.add(shippingFee);
        if (order.orderAmount().compareTo(orderAmount) != 0) {
            throw new ShopException(ErrorCode.ORDERAMOUNT_INVALID, "The order amount is " + orderAmount);
        }
        BigDecimal couponPaid = BigDecimal.ZERO;
        if (order.couponId() != null) {
            CouponInfo coupon = coupons.find(order.couponId());
            if (coupon == null) {
                throw new ShopException(ErrorCode.COUPON_NO_EXIST, "No coupon " + order.couponId());
            }
            if (coupon.getUserId() != order.userId()) {
                throw new ShopException(ErrorCode.COUPON_NOT_OWNED, "Coupon " + order.couponId() + " is not yours");
            }
            if (coupon.isUsed()) {
                throw new ShopException(ErrorCode.COUPON_ISUSED, "Coupon " + order.couponId() + " is already used");
            }
            couponPaid = coupon.getCouponPrice();
        }
        BigDecimal moneyPaid = order.moneyPaid() == null ? BigDecimal.ZERO : order.moneyPaid();
        if (moneyPaid.signum() < 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_LESS_ZERO, "The balance to use must not be negative");
        }
        if (moneyPaid.compareTo(user.getUserMoney()) > 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_INVALID, "The balance is " + user.getUserMoney());
        }
        if (moneyPaid.add(couponPaid).compareTo(orderAmount) > 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_INVALID,
                    "Balance plus coupon exceed the order amount " + orderAmount);
        }
        return new PricedOrder(order, scaled(goodsAmount), scaled(shippingFee), scaled(orderAmount),
                scaled(couponPaid), scaled(moneyPaid), scaled(orderAmount.subtract(moneyPaid).subtract(couponPaid)));
    }

    /** Free above 100.00 of goods, else 10.00 — from the goods amount, not the order amount (a defect of the notes). */
    static BigDecimal shippingFeeFor(BigDecimal goodsAmount) {
        return goodsAmount.compareTo(FREE_SHIPPING_ABOVE) > 0 ? BigDecimal.ZERO : SHIPPING_FEE;
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
