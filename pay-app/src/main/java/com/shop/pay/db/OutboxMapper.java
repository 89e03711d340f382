package com.shop.pay.db;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code trade_mq_producer_temp}: messages committed with the change they announce, until the broker has them. */
@Mapper
public interface OutboxMapper {

    @Insert("INSERT INTO trade_mq_producer_temp (id, group_name, msg_topic, msg_tag, msg_key, msg_body, create_time) "
            + "VALUES (#{id}, #{group}, #{topic}, #{tag}, #{key}, #{body}, NOW())")
    int insert(@Param("id") String id, @Param("group") String group, @Param("topic") String topic,
               @Param("tag") String tag, @Param("key") String key, @Param("body") String body);

    /**
     * The row, locked for this transaction, unless another relay (thread or instance) holds it or it is
     * gone: then null, and that other relay sends it.
     */
    @Select("SELECT id, msg_topic, msg_tag, msg_key, msg_body, attempts FROM trade_mq_producer_temp "
            + "WHERE id = #{id} FOR UPDATE SKIP LOCKED")
    Map<String, Object> claim(@Param("id") String id);

    /** Rows due for a (re)send, oldest first, that the after-commit send has had time to take. */
    @Select("SELECT id FROM trade_mq_producer_temp WHERE next_attempt_time <= NOW() "
            + "AND create_time <= NOW() - INTERVAL #{graceSeconds} SECOND ORDER BY next_attempt_time LIMIT #{limit}")
    List<String> due(@Param("graceSeconds") int graceSeconds, @Param("limit") int limit);

    @Delete("DELETE FROM trade_mq_producer_temp WHERE id = #{id}")
    int delete(@Param("id") String id);

    /** Another failed attempt: wait 2^attempts seconds (at most the cap) before the next one. */
    @Update("UPDATE trade_mq_producer_temp SET attempts = attempts + 1, last_error = #{error}, "
            + "next_attempt_time = NOW() + INTERVAL LEAST(#{capSeconds}, POW(2, attempts)) SECOND WHERE id = #{id}")
    int failed(@Param("id") String id, @Param("error") String error, @Param("capSeconds") int capSeconds);

    @Select("SELECT id, msg_topic, msg_key, attempts, create_time, next_attempt_time, last_error, "
            + "TIMESTAMPDIFF(SECOND, create_time, NOW()) AS age_seconds FROM trade_mq_producer_temp "
            + "ORDER BY create_time LIMIT #{limit}")
    List<Map<String, Object>> oldest(@Param("limit") int limit);

    @Select("SELECT COUNT(*) AS pending, COALESCE(MAX(TIMESTAMPDIFF(SECOND, create_time, NOW())), 0) AS oldest_age_seconds "
            + "FROM trade_mq_producer_temp")
    Map<String, Object> backlog();
}
