package com.shop.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallbackAdmissionTest {

    @Test
    void refusesAtOnceWhenEveryTurnIsTakenAndTheQueueIsFull() {
        CallbackAdmission admission = new CallbackAdmission(1, 0, 60_000);
        CallbackAdmission.Turn running = admission.admit();

        long start = System.nanoTime();
        assertThatThrownBy(admission::admit).isInstanceOf(ShopException.class)
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.OVERLOADED);
        // Not after the minute a queued callback would wait: the queue had no room.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        running.close();
    }

    @Test
    void aQueuedCallbackGetsTheTurnReleasedBeforeItsWaitEnds() throws Exception {
        CallbackAdmission admission = new CallbackAdmission(1, 1, 60_000);
        CallbackAdmission.Turn first = admission.admit();
        CompletableFuture<CallbackAdmission.Turn> queued = CompletableFuture.supplyAsync(admission::admit);
        awaitWaiting(admission, 1);

        assertThatThrownBy(admission::admit).extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.OVERLOADED);
        first.close();
        queued.get(30, TimeUnit.SECONDS).close();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aQueuedCallbackWhoseWaitEndsIsRefusedAndLeavesTheQueue() {
        CallbackAdmission admission = new CallbackAdmission(1, 1, 50);
        try (CallbackAdmission.Turn running = admission.admit()) {
            assertThatThrownBy(admission::admit).extracting(e -> ((ShopException) e).code())
                    .isEqualTo(ErrorCode.OVERLOADED);
            assertThat(admission.waiting()).isZero();
        }
        admission.admit().close(); // the turn released by the try block is free again
    }

    @Test
    void closingATurnTwiceReleasesItOnce() {
        CallbackAdmission admission = new CallbackAdmission(1, 0, 0);
        CallbackAdmission.Turn turn = admission.admit();
        turn.close();
        turn.close();

        CallbackAdmission.Turn next = admission.admit();
        assertThatThrownBy(admission::admit).extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.OVERLOADED);
        next.close();
    }

    private static void awaitWaiting(CallbackAdmission admission, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admission.waiting() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + expected + " waiting");
            }
            Thread.sleep(5);
        }
    }
}
