package com.shop.goods.db;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface GoodsMapper extends BaseMapper<GoodsRecord> {

    /** One conditional statement: the row lock makes it safe under any concurrency, and stock never goes below 0. */
    @Update("UPDATE trade_goods SET goods_number = goods_number - #{quantity} "
            + "WHERE goods_id = #{goodsId} AND goods_number >= #{quantity}")
    int reduceIfEnough(@Param("goodsId") long goodsId, @Param("quantity") int quantity);

    @Update("UPDATE trade_goods SET goods_number = goods_number + #{quantity} WHERE goods_id = #{goodsId}")
    int restore(@Param("goodsId") long goodsId, @Param("quantity") int quantity);

    /** The stock log row; its primary key (goods, order, type) refuses a second reduce or restore. */
    @Insert("INSERT INTO trade_goods_number_log (goods_id, order_id, log_type, goods_number, log_time) "
            + "VALUES (#{goodsId}, #{orderId}, #{logType}, #{quantity}, NOW())")
    int insertLog(@Param("goodsId") long goodsId, @Param("orderId") long orderId, @Param("logType") StockLogType logType,
                  @Param("quantity") int signedQuantity);

    @Select("SELECT COUNT(*) FROM trade_goods_number_log "
            + "WHERE goods_id = #{goodsId} AND order_id = #{orderId} AND log_type = #{logType}")
    int countLogs(@Param("goodsId") long goodsId, @Param("orderId") long orderId, @Param("logType") StockLogType logType);
}
