package com.shop.order.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CheckoutAdmissionTest {

    private static final long HOT = 9_100_000_000_000_000_001L;
    private static final long OTHER = 9_100_000_000_000_000_002L;

    @Test
    void refusesAtOnceWhenMoreThanMaxWaitingCheckoutsAreInside() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 2);
        admission.arrive();
        admission.arrive();

        assertThatThrownBy(admission::arrive).isInstanceOf(ShopException.class)
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED);
        assertThat(admission.inside()).isEqualTo(2);
    }

    @Test
    void leavingMakesRoomForTheNextArrival() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 1);
        admission.arrive().close();

        try (CheckoutAdmission.Visit visit = admission.arrive()) {
            assertThat(admission.inside()).isEqualTo(1);
        }
        assertThat(admission.inside()).isZero();
    }

    @Test
    void buyersOfOneGoodsAreAdmittedOneAtATimeInArrivalOrder() throws Exception {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        CheckoutAdmission.Permit first = admission.arrive().admit(HOT, 1, Deadline.afterMillis(5_000));
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int buyer = i;
            Thread waiter = new Thread(() -> {
                try (CheckoutAdmission.Permit permit = admission.arrive().admit(HOT, 1, Deadline.afterMillis(5_000))) {
                    admitted.add(buyer);
                }
            });
            waiter.start();
            waiters.add(waiter);
            awaitQueued(admission, HOT, buyer);
        }
        assertThat(admitted).isEmpty();

        first.close();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }

        assertThat(admitted).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aHotGoodsQueueDoesNotHoldUpBuyersOfOtherGoods() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        admission.arrive().admit(HOT, 1, Deadline.afterMillis(5_000));

        try (CheckoutAdmission.Permit other = admission.arrive().admit(OTHER, 1, Deadline.afterMillis(100))) {
            assertThat(admission.queuedFor(OTHER)).isZero();
        }
    }

    @Test
    void aBuyerStillQueuedAtItsDeadlineIsRefusedAndLeavesNoLaneBehind() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        CheckoutAdmission.Permit holder = admission.arrive().admit(HOT, 1, Deadline.afterMillis(5_000));
        CheckoutAdmission.Visit late = admission.arrive();

        long started = System.nanoTime();
        assertThatThrownBy(() -> late.admit(HOT, 1, Deadline.afterMillis(200)))
                .isInstanceOf(ShopException.class)
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(150L, 3_000L);

        holder.close();
        late.close();
        assertThat(admission.lanes()).isZero();
    }

    @Test
    void theSharedGateCapsGlobalTransactionsAcrossAllGoods() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 2, 100);
        CheckoutAdmission.Permit a = admission.arrive().admit(HOT, 1, Deadline.afterMillis(1_000));
        admission.arrive().admit(OTHER, 1, Deadline.afterMillis(1_000));

        assertThatThrownBy(() -> admission.arrive().admit(OTHER + 1, 1, Deadline.afterMillis(100)))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED);

        a.close();
        try (CheckoutAdmission.Permit third = admission.arrive().admit(OTHER + 1, 1, Deadline.afterMillis(100))) {
            assertThat(third).isNotNull();
        }
    }

    @Test
    void stockFoundShortAnswersAtOnceTheQueuedBuyersWhoWantMoreThanIsLeft() throws Exception {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(5_000));
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new java.util.ArrayList<>();
        int[] quantities = {3, 1, 5};
        for (int i = 0; i < quantities.length; i++) {
            int quantity = quantities[i];
            Thread waiter = new Thread(() -> {
                try (CheckoutAdmission.Permit permit = admission.arrive().admit(HOT, quantity, Deadline.afterMillis(5_000))) {
                    answers.add(quantity + " admitted");
                } catch (ShopException refused) {
                    answers.add(quantity + " " + refused.code());
                }
            });
            waiter.start();
            waiters.add(waiter);
            awaitQueued(admission, HOT, i + 1);
        }

        running.stockShort(2);
        waiters.get(0).join(5_000);
        waiters.get(2).join(5_000);

        assertThat(answers).containsExactlyInAnyOrder("3 GOODS_NUM_NOT_ENOUGH", "5 GOODS_NUM_NOT_ENOUGH");
        running.close();
        waiters.get(1).join(5_000);
        assertThat(answers).contains("1 admitted");
    }

    @Test
    void freshStockNewsAlsoAnswersABuyerWhoArrivesRightAfterIt() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(1_000));
        running.stockShort(0);

        assertThatThrownBy(() -> admission.arrive().admit(HOT, 1, Deadline.afterMillis(1_000)))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.GOODS_NUM_NOT_ENOUGH);
    }

    @Test
    void stockNewsIsForgottenWithTheLaneSoTheNextBuyerReadsTheStockItself() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100);
        CheckoutAdmission.Permit first = admission.arrive().admit(HOT, 1, Deadline.afterMillis(1_000));
        first.stockShort(0);
        first.close();

        try (CheckoutAdmission.Permit later = admission.arrive().admit(HOT, 1, Deadline.afterMillis(1_000))) {
            assertThat(admission.lanes()).isEqualTo(1);
        }
    }

    @Test
    void closingAPermitTwiceReleasesItOnce() {
        CheckoutAdmission admission = new CheckoutAdmission(1, 1, 100);
        CheckoutAdmission.Permit permit = admission.arrive().admit(HOT, 1, Deadline.afterMillis(100));
        permit.close();
        permit.close();

        admission.arrive().admit(HOT, 1, Deadline.afterMillis(100));
        assertThatThrownBy(() -> admission.arrive().admit(OTHER, 1, Deadline.afterMillis(50)))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED);
    }

    @Test
    void aBuyerWhoseQueueWouldOutlastItsDeadlineIsRefusedAtOnceNotAtTheDeadline() throws Exception {
        AtomicLong clock = new AtomicLong();
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100, clock::get);
        takeTurnsOf(admission, clock, HOT, 8, TimeUnit.SECONDS.toNanos(1));
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(60_000));
        List<Thread> queued = queueBuyers(admission, HOT, 3, 60_000);

        // Three ahead and one running, one at a time, turns of 1 s: about 4 s, more than 1.5 x the 2 s it has.
        assertThatThrownBy(() -> admission.arrive().admit(HOT, 1, Deadline.afterMillis(2_000)))
                .isInstanceOf(ShopException.class)
                .satisfies(e -> assertThat(((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED))
                .hasMessageContaining("would take about 4000 ms");
        assertThat(admission.queuedFor(HOT)).isEqualTo(3);

        running.close();
        joinAll(queued);
    }

    @Test
    void buyersAheadBeyondTheStockLastReadDoNotCountAgainstALaterBuyer() throws Exception {
        AtomicLong clock = new AtomicLong();
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100, clock::get);
        takeTurnsOf(admission, clock, HOT, 8, TimeUnit.SECONDS.toNanos(1));
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(60_000));
        running.stockRead(1);
        List<Thread> queued = queueBuyers(admission, HOT, 3, 60_000);

        // Only one of the three ahead can still buy: about 2 s, within 1.5 x the 2 s it has, so it waits.
        List<String> answers = new CopyOnWriteArrayList<>();
        Thread late = new Thread(() -> {
            try (CheckoutAdmission.Permit permit = admission.arrive().admit(HOT, 1, Deadline.afterMillis(2_000))) {
                answers.add("admitted");
            } catch (ShopException refused) {
                answers.add(refused.code().name());
            }
        });
        late.start();
        awaitQueued(admission, HOT, 4);

        running.stockShort(0);
        late.join(5_000);
        assertThat(answers).containsExactly("GOODS_NUM_NOT_ENOUGH");
        running.close();
        joinAll(queued);
    }

    @Test
    void aCheckoutWhoseWaitForTheSharedGateWouldOutlastItsDeadlineIsRefusedAtOnce() throws Exception {
        AtomicLong clock = new AtomicLong();
        CheckoutAdmission admission = new CheckoutAdmission(1, 1, 100, clock::get);
        takeTurnsOf(admission, clock, HOT, 8, TimeUnit.SECONDS.toNanos(1));
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(60_000));
        Thread waiting = new Thread(() -> admission.arrive().admit(OTHER, 1, Deadline.afterMillis(60_000)).close());
        waiting.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (admission.waitingForSharedGate() < 1) {
            assertThat(System.nanoTime()).as("a checkout waits at the shared gate").isLessThan(until);
            Thread.sleep(5);
        }

        // One waiting, one running, holds of 1 s: about 2 s, more than 1.5 x the 1 s it has.
        assertThatThrownBy(() -> admission.arrive().admit(OTHER + 1, 1, Deadline.afterMillis(1_000)))
                .satisfies(e -> assertThat(((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_OVERLOADED))
                .hasMessageContaining("would come free in about 2000 ms");

        running.close();
        waiting.join(5_000);
        assertThat(waiting.isAlive()).isFalse();
    }

    @Test
    void withTooFewTurnsSeenNobodyIsRefusedByEstimate() throws Exception {
        AtomicLong clock = new AtomicLong();
        CheckoutAdmission admission = new CheckoutAdmission(1, 8, 100, clock::get);
        takeTurnsOf(admission, clock, HOT, TurnTimes.ENOUGH - 1, TimeUnit.SECONDS.toNanos(100));
        CheckoutAdmission.Permit running = admission.arrive().admit(HOT, 1, Deadline.afterMillis(60_000));
        List<Thread> queued = queueBuyers(admission, HOT, 3, 60_000);

        List<Thread> late = queueBuyers(admission, HOT, 1, 60_000);
        assertThat(admission.queuedFor(HOT)).isEqualTo(4);

        running.close();
        joinAll(queued);
        joinAll(late);
    }

    /** Turns of one goods, one after another, each taking {@code nanos} on the admission's clock. */
    private static void takeTurnsOf(CheckoutAdmission admission, AtomicLong clock, long goodsId, int turns, long nanos) {
        for (int i = 0; i < turns; i++) {
            try (CheckoutAdmission.Visit visit = admission.arrive();
                 CheckoutAdmission.Permit permit = visit.admit(goodsId, 1, Deadline.afterMillis(1_000))) {
                clock.addAndGet(nanos);
            }
        }
    }

    /** Buyers queued behind whoever runs now, each in its own thread, until admitted or refused. */
    private static List<Thread> queueBuyers(CheckoutAdmission admission, long goodsId, int buyers, long deadlineMillis)
            throws InterruptedException {
        List<Thread> threads = new java.util.ArrayList<>();
        int before = admission.queuedFor(goodsId);
        for (int i = 1; i <= buyers; i++) {
            Thread buyer = new Thread(() -> {
                try (CheckoutAdmission.Visit visit = admission.arrive();
                     CheckoutAdmission.Permit permit = visit.admit(goodsId, 1, Deadline.afterMillis(deadlineMillis))) {
                    assertThat(permit).isNotNull();
                } catch (ShopException refused) {
                    // Counted by the test through queuedFor.
                }
            });
            buyer.start();
            threads.add(buyer);
            awaitQueued(admission, goodsId, before + i);
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(5_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    private static void awaitQueued(CheckoutAdmission admission, long goodsId, int queued) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (admission.queuedFor(goodsId) < queued) {
            assertThat(System.nanoTime()).as("%d buyers queued for goods %d", queued, goodsId).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
