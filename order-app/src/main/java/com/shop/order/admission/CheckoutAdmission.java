package com.shop.order.admission;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may open a global transaction now. Without it, every buyer of a hot goods raced for the same
 * row's global lock at once: the losers polled the TC, held database connections while they did,
 * ran the pools dry and answered 500 or 504.
 *
 * <p>A checkout passes two gates, first come first served, waiting without holding anything:
 * <ol>
 *   <li>its goods' lane: at most {@code perGoods} checkouts of one goods run at a time, so buyers of
 *       a hot goods queue here instead of in the TC's lock table. When a checkout in the lane finds
 *       the goods short of stock, every buyer queued behind it who wants more than what is left is
 *       answered {@code GOODS_NUM_NOT_ENOUGH} at once, instead of waiting for a turn to be told so;</li>
 *   <li>the shared gate: at most {@code concurrent} global transactions of this process run at a time,
 *       fewer than the database pool holds, so a connection is always there for the admitted ones.</li>
 * </ol>
 * Beyond {@code maxWaiting} checkouts in the building, or when a gate does not open before the
 * caller's deadline, the checkout is refused with {@link ErrorCode#CHECKOUT_OVERLOADED} — a fast 503
 * that wrote nothing — rather than joining a queue it would not leave in time.
 */
@Component
public class CheckoutAdmission {

    private final int perGoods;
    private final Semaphore shared;
    private final int maxWaiting;
    private final AtomicInteger inside = new AtomicInteger();
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    public CheckoutAdmission(@Value("${shop.checkout.admission.per-goods:1}") int perGoods,
                             @Value("${shop.checkout.admission.concurrent:8}") int concurrent,
                             @Value("${shop.checkout.admission.max-waiting:1000}") int maxWaiting) {
        if (perGoods < 1 || concurrent < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("shop.checkout.admission.* must all be at least 1");
        }
        this.perGoods = perGoods;
        this.shared = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
    }

    /** A place in the building: counts against {@code maxWaiting} until closed. */
    public Visit arrive() {
        if (inside.incrementAndGet() > maxWaiting) {
            inside.decrementAndGet();
            throw overloaded("more than " + maxWaiting + " checkouts are already waiting or running");
        }
        return new Visit();
    }

    /** Checkouts of this process that are waiting or running right now. */
    public int inside() {
        return inside.get();
    }

    /** One checkout's stay: arrived, then admitted (possibly more than once, for retries), then gone. */
    public final class Visit implements AutoCloseable {

        private boolean closed;

        private Visit() {
        }

        /**
         * Waits for a turn in the goods' lane and then for the shared gate, until the deadline at most.
         * The returned permit must be closed when the global transaction is over.
         */
        public Permit admit(long goodsId, int quantity, Deadline deadline) {
            Lane lane = enterLane(goodsId);
            try {
                lane.awaitTurn(goodsId, quantity, deadline);
            } catch (RuntimeException notAdmitted) {
                leaveLane(goodsId);
                throw notAdmitted;
            }
            try {
                if (!acquire(shared, deadline)) {
                    throw overloaded("no global-transaction slot came free before the deadline");
                }
            } catch (RuntimeException notAdmitted) {
                lane.finished();
                leaveLane(goodsId);
                throw notAdmitted;
            }
            return new Permit(goodsId, lane);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inside.decrementAndGet();
            }
        }
    }

    /** Held while a checkout's global transaction runs. */
    public final class Permit implements AutoCloseable {

        private final long goodsId;
        private final Lane lane;
        private boolean released;

        private Permit(long goodsId, Lane lane) {
            this.goodsId = goodsId;
            this.lane = lane;
        }

        /** This checkout just read the goods' stock and found it short: tell the buyers queued behind. */
        public void stockShort(int left) {
            lane.stockSeen(left);
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                shared.release();
                lane.finished();
                leaveLane(goodsId);
            }
        }
    }

    /** Lanes exist only while someone is in them, so a catalogue of millions of goods costs nothing. */
    private Lane enterLane(long goodsId) {
        return lanes.compute(goodsId, (id, lane) -> {
            Lane entered = lane == null ? new Lane(perGoods) : lane;
            entered.users++;
            return entered;
        });
    }

    private void leaveLane(long goodsId) {
        lanes.computeIfPresent(goodsId, (id, lane) -> --lane.users == 0 ? null : lane);
    }

    /** Goods with a lane right now (someone waiting or running): for tests and diagnostics. */
    int lanes() {
        return lanes.size();
    }

    /** Checkouts queued (not yet admitted) in this goods' lane. */
    int queuedFor(long goodsId) {
        Lane lane = lanes.get(goodsId);
        return lane == null ? 0 : lane.queued();
    }

    private static boolean acquire(Semaphore gate, Deadline deadline) {
        try {
            return gate.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded("interrupted while waiting");
        }
    }

    static ShopException overloaded(String why) {
        return new ShopException(ErrorCode.CHECKOUT_OVERLOADED, "Checkout is at capacity (" + why + "); retry later");
    }

    /**
     * One goods' queue: a buyer runs when it is first in line and fewer than {@code width} run. The
     * last stock a running checkout saw short is kept with a number (its epoch): the buyers queued when
     * it was seen, and those arriving within {@link #SHORT_NEWS_FRESH_NANOS} after, are answered from it.
     */
    private static final class Lane {

        /**
         * How long stock seen short also answers buyers who arrive after it was seen. Stock comes back
         * only by a cancel or a rollback outside this lane, so this is as good as a read that old.
         */
        private static final long SHORT_NEWS_FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

        private final int width;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Waiter> line = new ArrayDeque<>();
        private int running;
        private long shortEpoch;
        private int shortLeft;
        private long shortSeenNanos;
        /** Waiters and holders; guarded by the lanes map's compute, not by {@code lock}. */
        private int users;

        private Lane(int width) {
            this.width = width;
        }

        /** Returns once it may run; throws when the deadline passes or the stock ran short meanwhile. */
        void awaitTurn(long goodsId, int quantity, Deadline deadline) {
            lock.lock();
            try {
                // Stock seen short a moment ago answers a newcomer too: it would only queue to be told so.
                boolean freshNews = shortEpoch > 0 && System.nanoTime() - shortSeenNanos < SHORT_NEWS_FRESH_NANOS;
                Waiter me = new Waiter(freshNews ? shortEpoch - 1 : shortEpoch);
                line.addLast(me);
                while (true) {
                    if (line.peekFirst() == me && running < width) {
                        line.removeFirst();
                        running++;
                        changed.signalAll();
                        return;
                    }
                    if (shortEpoch > me.joinedEpoch && shortLeft < quantity) {
                        leave(me);
                        throw new ShopException(ErrorCode.GOODS_NUM_NOT_ENOUGH,
                                "Only " + shortLeft + " of goods " + goodsId + " left");
                    }
                    long remaining = deadline.remainingNanos();
                    if (remaining <= 0) {
                        leave(me);
                        throw overloaded("the queue for goods " + goodsId + " did not move before the deadline");
                    }
                    changed.awaitNanos(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw overloaded("interrupted while waiting");
            } finally {
                lock.unlock();
            }
        }

        void finished() {
            lock.lock();
            try {
                running--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void stockSeen(int left) {
            lock.lock();
            try {
                shortEpoch++;
                shortLeft = left;
                shortSeenNanos = System.nanoTime();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int queued() {
            lock.lock();
            try {
                return line.size();
            } finally {
                lock.unlock();
            }
        }

        private void leave(Waiter me) {
            line.remove(me);
            changed.signalAll();
        }
    }

    /** A queued buyer, and the stock news it has already heard of when it joined. */
    private static final class Waiter {
        private final long joinedEpoch;

        private Waiter(long joinedEpoch) {
            this.joinedEpoch = joinedEpoch;
        }
    }
}
