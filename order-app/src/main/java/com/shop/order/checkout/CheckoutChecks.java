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
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;

/**
 * The checks of a checkout, in order, each refusing with its own code: what the lookups decide
 * here (goods, user, stock, coupon), the money rules in {@link Pricing}. They only read; the
 * conditional updates of the providers remain the final word under concurrency.
 */
@Component
public class CheckoutChecks {

    private final GoodsProxy goods;
    private final CouponProxy coupons;
    private final UserProxy users;

    public CheckoutChecks(GoodsProxy goods, CouponProxy coupons, UserProxy users) {
        this.goods = goods;
        this.coupons = coupons;
        this.users = users;
    }

    /** Every check, in order; {@code stockRead} hears the goods' stock as soon as it was read. */
    public PricedOrder check(PlaceOrder order, IntConsumer stockRead) {
        GoodsInfo goodsInfo = goods.find(order.goodsId());
        if (goodsInfo == null) {
            throw new ShopException(ErrorCode.GOODS_NO_EXIST, "No goods " + order.goodsId());
        }
        stockRead.accept(goodsInfo.getGoodsNumber());
        UserInfo user = users.find(order.userId());
        if (user == null) {
            throw new ShopException(ErrorCode.USER_NO_EXIST, "No user " + order.userId());
        }
        if (order.goodsNumber() > goodsInfo.getGoodsNumber()) {
            throw new StockShort(order.goodsId(), goodsInfo.getGoodsNumber());
        }
        Pricing.Amounts amounts = Pricing.amounts(order, goodsInfo.getGoodsPrice());
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
        return Pricing.priced(order, amounts, couponPaid, user.getUserMoney());
    }
}
