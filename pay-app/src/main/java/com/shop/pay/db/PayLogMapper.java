package com.shop.pay.db;

import java.math.BigDecimal;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PayLogMapper {

    @Insert("INSERT INTO trade_pay_log (pay_id, order_id, pay_amount, trade_no, log_time) "
            + "VALUES (#{payId}, #{orderId}, #{payAmount}, #{tradeNo}, NOW())")
    int insert(@Param("payId") long payId, @Param("orderId") long orderId, @Param("payAmount") BigDecimal payAmount,
               @Param("tradeNo") String tradeNo);
}
