package com.shop.support.probe;

import com.shop.support.id.IdGenerator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * A service's first global transaction costs seconds of one-time work — loading Seata's SQL parser and
 * undo-log machinery, the resource manager's channel to the TC, the JIT's first pass — and a first
 * checkout paying that on top of its own work ran past the 10 s global timeout. So every service pays
 * it before it says it is ready: an application runner runs before Spring Boot declares readiness,
 * so {@code /actuator/health} (readiness included) stays {@code OUT_OF_SERVICE} until this is done,
 * however the service was started.
 *
 * <p>{@code shop.warm-up.transactions} of them: one loads the machinery; a checkout's first minute
 * is slow mostly because its code is still interpreted, and a few dozen transactions over the same
 * paths let the JIT compile them. Best effort: while the TC (or, for a wider warm-up transaction, a
 * provider) cannot be reached the transaction is retried, and after
 * {@code shop.warm-up.give-up-after} the service becomes ready cold rather than never.
 */
public class WarmUpBeforeReady implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUpBeforeReady.class);
    private static final long RETRY_PAUSE_MILLIS = 2_000;

    private final WarmUpTransaction transaction;
    private final IdGenerator ids;
    private final int transactions;
    private final Duration giveUpAfter;

    public WarmUpBeforeReady(WarmUpTransaction transaction, IdGenerator ids, int transactions, Duration giveUpAfter) {
        this.transaction = transaction;
        this.ids = ids;
        this.transactions = transactions;
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long began = System.nanoTime();
        long giveUpAt = began + giveUpAfter.toNanos();
        int committed = 0;
        for (int attempt = 1; committed < transactions; attempt++) {
            try {
                transaction.run(ids.nextId());
                committed++;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() + RETRY_PAUSE_MILLIS * 1_000_000 - giveUpAt > 0) {
                    log.warn("Warm-up gave up after {} attempts, {} of {} committed; ready cold, first checkouts "
                            + "will be slow: {}", attempt, committed, transactions, notYet.toString());
                    return;
                }
                log.info("Warm-up attempt {} failed ({}); retrying", attempt, notYet.toString());
                Thread.sleep(RETRY_PAUSE_MILLIS);
            }
        }
        log.info("Warmed up: {} global transaction(s) ({}) in {} ms", transactions,
                transaction.getClass().getSimpleName(), (System.nanoTime() - began) / 1_000_000);
    }
}
