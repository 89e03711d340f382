package com.shop.api.coupon;

import com.shop.api.Outcome;

/** coupon-app over Dubbo. */
public interface CouponService {

    /** The coupon, or null if there is none with this id. */
    CouponInfo findCoupon(long couponId);

    /** Marks the coupon used by the order; refused when it is used already or is not the user's. */
    Outcome useCoupon(long couponId, long userId, long orderId);

    /** Frees the coupon the order holds; changes nothing when the order does not hold it. */
    Outcome releaseCoupon(long couponId, long orderId);
}
