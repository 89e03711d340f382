package com.shop.pay.db;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PaymentMapper extends BaseMapper<PaymentRecord> {

    /** The payment, its row locked for this transaction; null if there is none. */
    @Select("SELECT * FROM trade_pay WHERE pay_id = #{payId} FOR UPDATE")
    PaymentRecord lockById(@Param("payId") long payId);

    /** The order's live payment (open or paid), if any. */
    @Select("SELECT * FROM trade_pay WHERE open_order_id = #{orderId}")
    PaymentRecord findLive(@Param("orderId") long orderId);

    /** Open → paid, once: a payment that is not open any more is left alone (0 rows). */
    @Update("UPDATE trade_pay SET is_paid = 2, trade_no = #{tradeNo}, pay_time = NOW() "
            + "WHERE pay_id = #{payId} AND is_paid = 1 AND open_order_id IS NOT NULL")
    int markPaid(@Param("payId") long payId, @Param("tradeNo") String tradeNo);
}
