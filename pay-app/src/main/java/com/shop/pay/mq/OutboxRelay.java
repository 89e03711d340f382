package com.shop.pay.mq;

import com.shop.pay.db.OutboxMapper;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to the broker. Each send claims its row ({@code FOR UPDATE SKIP LOCKED}), sends,
 * and deletes the row only once the broker answered SEND_OK, all in one short transaction: a row is
 * sent by one relay at a time, however many pay-app instances run, and a crash before the delete
 * means a resend (consumers de-duplicate), never a loss.
 *
 * <ul>
 *   <li>Right after a callback commits, its row is sent on a small pool, off the request thread.</li>
 *   <li>A sweep every second sends what is left (broker down, crash, pool full), oldest first; a
 *       failed row waits 2^attempts seconds (at most a minute) before its next try.</li>
 *   <li>While the broker looks down, new rows go straight to the sweep instead of piling up sends.</li>
 *   <li>Backlog and age are metrics ({@code shop.outbox.pending}, {@code shop.outbox.oldest.age});
 *       {@code /actuator/outbox} lists the rows; a row failing {@value #STUCK_ATTEMPTS} times is logged
 *       as an error.</li>
 * </ul>
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int STUCK_ATTEMPTS = 5;
    private static final int BACKOFF_CAP_SECONDS = 60;
    private static final int SWEEP_BATCH = 100;

    private final OutboxMapper rows;
    private final RocketMQTemplate rocketMq;
    private final TransactionTemplate transactions;
    private final long sendTimeoutMillis;
    private final int sweepGraceSeconds;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "outbox-send");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong brokerDownUntil = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter sent;
    private final Counter failures;

    public OutboxRelay(OutboxMapper rows, RocketMQTemplate rocketMq, TransactionTemplate transactions,
                       MeterRegistry metrics,
                       @Value("${shop.outbox.send-timeout-ms:3000}") long sendTimeoutMillis,
                       @Value("${shop.outbox.sweep-grace-seconds:2}") int sweepGraceSeconds) {
        this.rows = rows;
        this.rocketMq = rocketMq;
        this.transactions = transactions;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.sweepGraceSeconds = sweepGraceSeconds;
        Gauge.builder("shop.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows the broker has not acknowledged yet").register(metrics);
        Gauge.builder("shop.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest outbox row").register(metrics);
        this.sent = Counter.builder("shop.outbox.sent").description("Outbox messages the broker acknowledged")
                .register(metrics);
        this.failures = Counter.builder("shop.outbox.send.failures").description("Failed outbox sends")
                .register(metrics);
    }

    /**
     * Sends the row soon, off the caller's thread; if the broker looks down or the pool is full, the sweep will.
     * The caller committed the row: pay.after-callback-commit is the state between that commit and this hand-over.
     */
    @FaultPoints(before = FaultPoint.PAY_AFTER_CALLBACK_COMMIT)
    public void sendSoon(String id) {
        if (System.currentTimeMillis() < brokerDownUntil.get()) {
            return;
        }
        try {
            senders.execute(() -> send(id));
        } catch (RejectedExecutionException full) {
            log.warn("Outbox send pool full; row {} waits for the sweep", id);
        }
    }

    @Scheduled(fixedDelayString = "${shop.outbox.sweep-interval-ms:1000}")
    public void sweep() {
        try {
            for (String id : rows.due(sweepGraceSeconds, SWEEP_BATCH)) {
                if (send(id) == Result.FAILED) {
                    break; // the broker is likely down: the rest keep their turn for the next sweep
                }
            }
            Map<String, Object> backlog = rows.backlog();
            pending.set(((Number) backlog.get("pending")).longValue());
            oldestAgeSeconds.set(((Number) backlog.get("oldest_age_seconds")).longValue());
        } catch (RuntimeException e) {
            log.error("Outbox sweep failed", e);
        }
    }

    /** The rows waiting, oldest first, for operators. */
    public List<Map<String, Object>> waiting(int limit) {
        return rows.oldest(limit);
    }

    enum Result { SENT, NOT_MINE, FAILED }

    Result send(String id) {
        Result result = transactions.execute(status -> {
            Map<String, Object> row = rows.claim(id);
            if (row == null) {
                return Result.NOT_MINE; // sent already, or another relay is sending it
            }
            try {
                Message message = new Message((String) row.get("msg_topic"), (String) row.get("msg_tag"),
                        (String) row.get("msg_key"), ((String) row.get("msg_body")).getBytes(StandardCharsets.UTF_8));
                SendResult answer = rocketMq.getProducer().send(message, sendTimeoutMillis);
                if (answer.getSendStatus() != SendStatus.SEND_OK) {
                    throw new IllegalStateException("broker answered " + answer.getSendStatus());
                }
                rows.delete(id);
                return Result.SENT;
            } catch (Exception e) {
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                rows.failed(id, truncate(e.toString()), BACKOFF_CAP_SECONDS);
                brokerDownUntil.set(System.currentTimeMillis() + 1000L * Math.min(BACKOFF_CAP_SECONDS, 1L << Math.min(attempts, 6)));
                if (attempts >= STUCK_ATTEMPTS) {
                    log.error("Outbox row {} is stuck: {} failed sends, last: {}", id, attempts, e.toString());
                } else {
                    log.warn("Outbox row {} not sent (attempt {}), retried later: {}", id, attempts, e.toString());
                }
                return Result.FAILED;
            }
        });
        if (result == Result.SENT) {
            sent.increment();
            brokerDownUntil.set(0);
        } else if (result == Result.FAILED) {
            failures.increment();
        }
        return result;
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
