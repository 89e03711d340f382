package com.shop.order.rpc;

import static com.shop.support.rpc.ProviderUnavailable.call;
import static com.shop.support.rpc.ProviderUnavailable.run;

import com.shop.api.coupon.CouponInfo;
import com.shop.api.coupon.CouponService;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.ProviderUnavailable;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * coupon-app as order-app sees it: refusals come back as exceptions carrying their error code, and a call
 * Dubbo could not complete as {@link ProviderUnavailable}.
 */
@Component
public class CouponProxy {

    @DubboReference
    private CouponService coupons;

    public CouponInfo find(long couponId) {
        return call(() -> coupons.findCoupon(couponId));
    }

    @FaultPoints(after = FaultPoint.ORDER_AFTER_COUPON)
    public void use(long couponId, long userId, long orderId) {
        run(() -> coupons.useCoupon(couponId, userId, orderId).orThrow());
    }

    @FaultPoints(after = FaultPoint.ORDER_CANCEL_AFTER_COUPON)
    public void release(long couponId, long orderId) {
        run(() -> coupons.releaseCoupon(couponId, orderId).orThrow());
    }
}
