package com.shop.coupon.rpc;

import com.shop.api.Outcome;
import com.shop.api.coupon.CouponInfo;
import com.shop.api.coupon.CouponService;
import com.shop.coupon.coupons.Coupons;
import com.shop.coupon.db.CouponRecord;
import com.shop.coupon.db.CouponUse;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.Outcomes;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of coupon-app. The "after" fault point fires once the local branch has committed. */
@DubboService
public class CouponProvider implements CouponService {

    private final Coupons coupons;

    public CouponProvider(Coupons coupons) {
        this.coupons = coupons;
    }

    @Override
    public CouponInfo findCoupon(long couponId) {
        CouponRecord coupon = coupons.find(couponId);
        return coupon == null ? null : new CouponInfo(coupon.getCouponId(), coupon.getUserId(),
                coupon.getCouponPrice(), coupon.getIsUsed() == CouponUse.USED);
    }

    @Override
    @FaultPoints(before = FaultPoint.COUPON_BEFORE_USE, after = FaultPoint.COUPON_AFTER_USE)
    public Outcome useCoupon(long couponId, long userId, long orderId) {
        return Outcomes.of(() -> coupons.use(couponId, userId, orderId));
    }

    @Override
    @FaultPoints(after = FaultPoint.COUPON_AFTER_RELEASE)
    public Outcome releaseCoupon(long couponId, long orderId) {
        return Outcomes.of(() -> coupons.release(couponId, orderId));
    }
}
