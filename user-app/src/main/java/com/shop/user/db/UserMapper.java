package com.shop.user.db;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface UserMapper extends BaseMapper<UserRecord> {

    /** One conditional statement: the balance never goes below zero, whatever runs at the same time. */
    @Update("UPDATE trade_user SET user_money = user_money - #{amount} "
            + "WHERE user_id = #{userId} AND user_money >= #{amount}")
    int deductIfEnough(@Param("userId") long userId, @Param("amount") BigDecimal amount);

    @Update("UPDATE trade_user SET user_money = user_money + #{amount} WHERE user_id = #{userId}")
    int credit(@Param("userId") long userId, @Param("amount") BigDecimal amount);

    /** The money-log row; its primary key (user, order, type) refuses a second deduction or refund. */
    @Insert("INSERT INTO trade_user_money_log (user_id, order_id, money_log_type, use_money, create_time) "
            + "VALUES (#{userId}, #{orderId}, #{type}, #{amount}, NOW())")
    int insertLog(@Param("userId") long userId, @Param("orderId") long orderId, @Param("type") MoneyLogType type,
                  @Param("amount") BigDecimal amount);

    @Select("SELECT use_money FROM trade_user_money_log WHERE user_id = #{userId} AND order_id = #{orderId} "
            + "AND money_log_type = #{type}")
    BigDecimal loggedAmount(@Param("userId") long userId, @Param("orderId") long orderId,
                            @Param("type") MoneyLogType type);

    /** Locks the user's row for this transaction; null if there is no such user. */
    @Select("SELECT user_id FROM trade_user WHERE user_id = #{userId} FOR UPDATE")
    Long lockRow(@Param("userId") long userId);

    @Update("UPDATE trade_user SET user_score = user_score + #{points} WHERE user_id = #{userId}")
    int addScore(@Param("userId") long userId, @Param("points") int points);
}
