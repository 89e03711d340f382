package com.shop.support.mq;

import com.shop.support.tx.LocalWrites;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Processes each message of a consumer group once, whatever RocketMQ redelivers, through the
 * service's {@code trade_mq_consumer_log} (unique group + message key).
 *
 * <p>In one local transaction under the global-lock check ({@link LocalWrites}): claim the log row
 * ({@code FOR UPDATE}, so a concurrent duplicate waits), skip if it is done, run the effect, mark the
 * row done. The log row itself is plain bookkeeping, never written by a global transaction, so its
 * statements skip the TC. The effect and "done" commit together or not at all. A failure rolls the effect
 * back, counts the attempt in its own transaction and is rethrown: RocketMQ redelivers later with
 * its back-off, and after {@code maxReconsumeTimes} redeliveries moves the message to the group's
 * dead-letter queue ({@code %DLQ%<group>}); that last failure marks the row FAILED, which is what
 * operators list. {@code consumer_times} counts every delivery to the group, duplicates included.
 * Each delivery is also counted in {@code shop.mq.deliveries}, by group and outcome: {@code processed},
 * {@code duplicate}, {@code retry} (failed, redelivered later) or {@code dead_letter} (failed for good).
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final int REMARK_LENGTH = 500;
    private static final int BODY_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final LocalWrites localWrites;
    private final MeterRegistry metrics;
    private final int maxReconsumeTimes;
    private final int consumeThreads;

    public IdempotentConsumer(JdbcTemplate jdbc, LocalWrites localWrites, MeterRegistry metrics, int maxReconsumeTimes,
                              int consumeThreads) {
        this.consumeThreads = consumeThreads;
        this.jdbc = jdbc;
        this.localWrites = localWrites;
        this.metrics = metrics;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public int consumeThreads() {
        return consumeThreads;
    }

    public int maxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    /** Runs {@code effect} for this message unless the group already did; a failure is rethrown for redelivery. */
    public void consume(String group, MessageExt message, Runnable effect) {
        String key = keyOf(message);
        try {
            boolean processed = localWrites.underGlobalLock(() -> {
                if (!LocalWrites.unchecked(() -> claimUnlessDone(group, key, message))) {
                    return false;
                }
                effect.run();
                LocalWrites.unchecked(() -> markDone(group, key, message));
                return true;
            });
            if (!processed) {
                log.info("{}: message {} was already processed, redelivery ignored", group, key);
            }
            count(group, processed ? "processed" : "duplicate");
        } catch (RuntimeException failure) {
            failed(group, key, message, failure);
            throw failure;
        }
    }

    /**
     * Runs {@code effect} for this message, for an effect that is a global transaction of its own and
     * idempotent by the state it changes (the order timeout's cancel acts only on an order still confirmed
     * and unpaid). A global transaction cannot run inside the log row's local transaction, so here the log
     * only records deliveries, the outcome and failures (dead letters included, as for every group), and a
     * redelivery runs the effect again, which then changes nothing.
     */
    public void consumeStateGuarded(String group, MessageExt message, Runnable effect) {
        String key = keyOf(message);
        try {
            effect.run();
        } catch (RuntimeException failure) {
            failed(group, key, message, failure);
            throw failure;
        }
        record(group, key, message, ConsumerStatus.DONE, null);
        count(group, "processed");
    }

    private void failed(String group, String key, MessageExt message, RuntimeException failure) {
        boolean deadLetter = message.getReconsumeTimes() >= maxReconsumeTimes;
        String remark = (deadLetter ? "dead-lettered after " + (message.getReconsumeTimes() + 1) + " attempts: " : "")
                + failure;
        record(group, key, message, deadLetter ? ConsumerStatus.FAILED : ConsumerStatus.PROCESSING, remark);
        count(group, deadLetter ? "dead_letter" : "retry");
        if (deadLetter) {
            log.error("{}: message {} failed its last attempt ({} redeliveries); RocketMQ moves it to %DLQ%{}",
                    group, key, message.getReconsumeTimes(), group, failure);
        } else {
            log.warn("{}: message {} failed (attempt {}), RocketMQ redelivers it later: {}",
                    group, key, message.getReconsumeTimes() + 1, failure.toString());
        }
    }

    private void count(String group, String outcome) {
        metrics.counter("shop.mq.deliveries", "group", group, "outcome", outcome).increment();
    }

    /**
     * Claims the message's log row for this transaction (a concurrent duplicate waits on it); false if
     * the group already processed it, which is then counted as one more delivery.
     */
    private boolean claimUnlessDone(String group, String key, MessageExt message) {
        jdbc.update("INSERT IGNORE INTO trade_mq_consumer_log (group_name, msg_key, msg_id, msg_tag, msg_body, "
                + "consumer_status, consumer_times, consumer_timestamp) VALUES (?, ?, ?, ?, ?, ?, 0, NOW())",
                group, key, message.getMsgId(), message.getTags(), bodyOf(message), ConsumerStatus.PROCESSING.code());
        Integer status = jdbc.queryForObject("SELECT consumer_status FROM trade_mq_consumer_log "
                + "WHERE group_name = ? AND msg_key = ? FOR UPDATE", Integer.class, group, key);
        if (status != null && status == ConsumerStatus.DONE.code()) {
            jdbc.update("UPDATE trade_mq_consumer_log SET consumer_times = consumer_times + 1 "
                    + "WHERE group_name = ? AND msg_key = ?", group, key);
            return false;
        }
        return true;
    }

    private int markDone(String group, String key, MessageExt message) {
        return jdbc.update("UPDATE trade_mq_consumer_log SET consumer_status = ?, consumer_times = consumer_times + 1, "
                + "consumer_timestamp = NOW(), msg_id = ?, remark = NULL WHERE group_name = ? AND msg_key = ?",
                ConsumerStatus.DONE.code(), message.getMsgId(), group, key);
    }

    /** The rows of this service's groups that gave up: their messages are in a dead-letter queue. */
    public List<Map<String, Object>> deadLetters() {
        return jdbc.queryForList("SELECT group_name, msg_key, msg_id, msg_tag, consumer_times, consumer_timestamp, remark, "
                + "msg_body FROM trade_mq_consumer_log WHERE consumer_status = ? ORDER BY consumer_timestamp",
                ConsumerStatus.FAILED.code());
    }

    /**
     * One more delivery of the message to the group, with its outcome; in its own transaction. A row once
     * done stays done: a later duplicate that fails (a state-guarded effect meeting a lock) is counted, but
     * does not make a processed message look unprocessed or dead-lettered.
     */
    private void record(String group, String key, MessageExt message, ConsumerStatus status, String remark) {
        try {
            jdbc.update("INSERT INTO trade_mq_consumer_log (group_name, msg_key, msg_id, msg_tag, msg_body, consumer_status, "
                    + "consumer_times, consumer_timestamp, remark) VALUES (?, ?, ?, ?, ?, ?, 1, NOW(), ?) "
                    + "ON DUPLICATE KEY UPDATE consumer_times = consumer_times + 1, "
                    + "consumer_status = IF(consumer_status = ?, consumer_status, VALUES(consumer_status)), "
                    + "consumer_timestamp = NOW(), msg_id = VALUES(msg_id), remark = VALUES(remark)",
                    group, key, message.getMsgId(), message.getTags(), bodyOf(message), status.code(),
                    remark == null ? null : truncate(remark, REMARK_LENGTH), ConsumerStatus.DONE.code());
        } catch (RuntimeException bookkeeping) {
            // The message is redelivered anyway; losing the attempt count costs visibility, not correctness.
            log.error("{}: could not record a delivery of message {}", group, key, bookkeeping);
        }
    }

    private static String keyOf(MessageExt message) {
        String keys = message.getKeys();
        return keys == null || keys.isBlank() ? message.getMsgId() : keys.split(" ")[0];
    }

    private static String bodyOf(MessageExt message) {
        return truncate(new String(message.getBody(), StandardCharsets.UTF_8), BODY_LENGTH);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
