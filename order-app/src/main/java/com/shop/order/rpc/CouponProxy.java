package com.shop.order.rpc;

import com.shop.api.coupon.CouponInfo;
import com.shop.api.coupon.CouponService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** coupon-app as order-app sees it: refusals come back as exceptions carrying their error code. */
@Component
public class CouponProxy {

    @DubboReference
    private CouponService coupons;

    public CouponInfo find(long couponId) {
        return coupons.findCoupon(couponId);
    }

    public void use(long couponId, long userId, long orderId) {
        coupons.useCoupon(couponId, userId, orderId).orThrow();
    }

    public void release(long couponId, long orderId) {
        coupons.releaseCoupon(couponId, orderId).orThrow();
    }
}
