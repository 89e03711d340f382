package com.shop.pay.db;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PaymentMapper extends BaseMapper<PaymentRecord> {

    /** The payment, its row locked for this transaction; null if there is none. */
    @Select("SELECT * FROM trade_pay WHERE pay_id = #{payId} FOR UPDATE")
    PaymentRecord lockById(@Param("payId") long payId);

    /** The order's payment (open, paid or closed), if any. */
    @Select("SELECT * FROM trade_pay WHERE open_order_id = #{orderId}")
    PaymentRecord findLive(@Param("orderId") long orderId);

    /** The order's payment, its row locked for this transaction. */
    @Select("SELECT * FROM trade_pay WHERE open_order_id = #{orderId} FOR UPDATE")
    PaymentRecord lockLive(@Param("orderId") long orderId);

    /** Open → closed, once (is_paid codes: {@code PaymentState}). */
    @Update("UPDATE trade_pay SET is_paid = 3, close_time = NOW() WHERE pay_id = #{payId} AND is_paid = 1")
    int close(@Param("payId") long payId);

    /** Money taken for a closed payment, owed back; a second record for the same payment is ignored (0 rows). */
    @Insert("INSERT IGNORE INTO trade_refund_due (pay_id, order_id, user_id, pay_amount, trade_no, create_time) "
            + "VALUES (#{p.payId}, #{p.orderId}, #{p.userId}, #{p.payAmount}, #{tradeNo}, NOW())")
    int recordRefundDue(@Param("p") PaymentRecord payment, @Param("tradeNo") String tradeNo);

    /** Ids as strings (snowflake ids exceed what JSON numbers hold in JavaScript), money with two places. */
    @Select("SELECT CAST(pay_id AS CHAR) AS payId, CAST(order_id AS CHAR) AS orderId, CAST(user_id AS CHAR) AS userId, "
            + "CAST(pay_amount AS CHAR) AS payAmount, trade_no AS tradeNo, create_time AS createTime FROM trade_refund_due "
            + "ORDER BY create_time, pay_id LIMIT #{limit}")
    List<Map<String, Object>> refundsDue(@Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM trade_refund_due")
    long countRefundsDue();

    /** Open → paid, once: a payment that is not open any more is left alone (0 rows). */
    @Update("UPDATE trade_pay SET is_paid = 2, trade_no = #{tradeNo}, pay_time = NOW() "
            + "WHERE pay_id = #{payId} AND is_paid = 1 AND open_order_id IS NOT NULL")
    int markPaid(@Param("payId") long payId, @Param("tradeNo") String tradeNo);
}
