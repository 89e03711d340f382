package com.shop.coupon.coupons;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.coupon.db.CouponMapper;
import com.shop.coupon.db.CouponRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Coupons {

    private static final Logger log = LoggerFactory.getLogger(Coupons.class);

    private final CouponMapper coupons;

    public Coupons(CouponMapper coupons) {
        this.coupons = coupons;
    }

    public CouponRecord find(long couponId) {
        return coupons.selectById(couponId);
    }

    @Transactional
    public void use(long couponId, long userId, long orderId) {
        if (coupons.useIfFree(couponId, userId, orderId) == 1) {
            log.info("Coupon {} used by order {}", couponId, orderId);
            return;
        }
        CouponRecord coupon = coupons.selectById(couponId);
        if (coupon == null) {
            throw new ShopException(ErrorCode.COUPON_NO_EXIST, "No coupon " + couponId);
        }
        if (coupon.getUserId() != userId) {
            throw new ShopException(ErrorCode.COUPON_NOT_OWNED, "Coupon " + couponId + " is not user " + userId + "'s");
        }
        throw new ShopException(ErrorCode.COUPON_ISUSED, "Coupon " + couponId + " is already used");
    }

    @Transactional
    public void release(long couponId, long orderId) {
        if (coupons.releaseIfHeldBy(couponId, orderId) == 1) {
            log.info("Coupon {} released by order {}", couponId, orderId);
        }
    }
}
