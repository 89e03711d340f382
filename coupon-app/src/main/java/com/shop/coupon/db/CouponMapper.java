package com.shop.coupon.db;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponMapper extends BaseMapper<CouponRecord> {

    /** Only an unused coupon of this user: of two orders racing for it, exactly one gets it. */
    @Update("UPDATE trade_coupon SET is_used = 1, order_id = #{orderId}, used_time = NOW() "
            + "WHERE coupon_id = #{couponId} AND user_id = #{userId} AND is_used = 0")
    int useIfFree(@Param("couponId") long couponId, @Param("userId") long userId, @Param("orderId") long orderId);

    @Update("UPDATE trade_coupon SET is_used = 0, order_id = NULL, used_time = NULL "
            + "WHERE coupon_id = #{couponId} AND order_id = #{orderId} AND is_used = 1")
    int releaseIfHeldBy(@Param("couponId") long couponId, @Param("orderId") long orderId);
}
