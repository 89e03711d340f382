package com.shop.order.admission;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
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
 * caller's deadline, the checkout is refused with {@link ErrorCode#CHECKOUT_OVERLOADED} — a 503 that
 * wrote nothing. It is refused as soon as its wait can be seen to outlast the deadline
 * ({@link QueueEstimate}: the place in the queue, how long turns take lately, and, in a lane, how
 * many of the buyers ahead the stock last read can still serve), not when the deadline passes.
 */
@Component
public class CheckoutAdmission {

    private final int perGoods;
    private final int concurrent;
    private final Semaphore shared;
    /** Turns in any lane: the estimate for a lane too new to have its own. */
    private final TurnTimes laneTurns = new TurnTimes();
    private final TurnTimes sharedHolds = new TurnTimes();
    private final int maxWaiting;
    private final AtomicInteger inside = new AtomicInteger();
    private final LongSupplier clock;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    @Autowired
    public CheckoutAdmission(@Value("${shop.checkout.admission.per-goods:1}") int perGoods,
                             @Value("${shop.checkout.admission.concurrent:8}") int concurrent,
                             @Value("${shop.checkout.admission.max-waiting:1000}") int maxWaiting) {
        this(perGoods, concurrent, maxWaiting, System::nanoTime);
    }

    /** With the clock that times turns: a test's own, so estimates do not depend on the machine's speed. */
    CheckoutAdmission(int perGoods, int concurrent, int maxWaiting, LongSupplier clock) {
        if (perGoods < 1 || concurrent < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("shop.checkout.admission.* must all be at least 1");
        }
        this.perGoods = perGoods;
        this.concurrent = concurrent;
        this.shared = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
        this.clock = clock;
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
                lane.awaitTurn(goodsId, quantity, deadline, laneTurns);
            } catch (RuntimeException notAdmitted) {
                leaveLane(goodsId);
                throw notAdmitted;
            }
            long turnStarted = clock.getAsLong();
            try {
                awaitSharedGate(deadline);
            } catch (RuntimeException notAdmitted) {
                lane.finished();
                leaveLane(goodsId);
                throw notAdmitted;
            }
            return new Permit(goodsId, lane, turnStarted);
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
        private final long turnStarted;
        private final long sharedAcquired = clock.getAsLong();
        private boolean released;

        private Permit(long goodsId, Lane lane, long turnStarted) {
            this.goodsId = goodsId;
            this.lane = lane;
            this.turnStarted = turnStarted;
        }

        /** This checkout read the goods' stock: at most that many buyers queued behind can still buy. */
        public void stockRead(int left) {
            lane.stockRead(left);
        }

        /** This checkout just read the goods' stock and found it short: tell the buyers queued behind. */
        public void stockShort(int left) {
            lane.stockShort(left);
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                long now = clock.getAsLong();
                sharedHolds.record(now - sharedAcquired);
                shared.release();
                lane.turnTook(now - turnStarted, laneTurns);
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

    /** Checkouts admitted by their lane and waiting for a global-transaction slot. */
    int waitingForSharedGate() {
        return shared.getQueueLength();
    }

    /** Checkouts queued (not yet admitted) in this goods' lane. */
    int queuedFor(long goodsId) {
        Lane lane = lanes.get(goodsId);
        return lane == null ? 0 : lane.queued();
    }

    /** Waits for one of the {@code concurrent} global-transaction slots, unless it cannot come in time. */
    private void awaitSharedGate(Deadline deadline) {
        OptionalLong hold = sharedHolds.typical();
        if (hold.isPresent()) {
            long expected = QueueEstimate.waitNanos(shared.getQueueLength(), concurrent, hold.getAsLong());
            if (QueueEstimate.hopeless(expected, deadline.remainingNanos())) {
                throw overloaded("a global-transaction slot would come free in about "
                        + TimeUnit.NANOSECONDS.toMillis(expected) + " ms, later than the deadline");
            }
        }
        try {
            if (!shared.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                throw overloaded("no global-transaction slot came free before the deadline");
            }
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
     * A buyer whose wait, estimated from its place and the lane's recent turns, would outlast its
     * deadline leaves at once; buyers beyond the stock last read count as answered by the sell-out news.
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
        private final TurnTimes turns = new TurnTimes();
        private int running;
        /** The stock the last admitted checkout read, or -1 before any did. */
        private int stockRead = -1;
        private long shortEpoch;
        private int shortLeft;
        private long shortSeenNanos;
        /** Waiters and holders; guarded by the lanes map's compute, not by {@code lock}. */
        private int users;

        private Lane(int width) {
            this.width = width;
        }

        /** Returns once it may run; throws when the deadline passes or the stock ran short meanwhile. */
        void awaitTurn(long goodsId, int quantity, Deadline deadline, TurnTimes anyLane) {
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
                    long expected = expectedWait(me, anyLane);
                    if (QueueEstimate.hopeless(expected, remaining)) {
                        leave(me);
                        throw overloaded("the queue for goods " + goodsId + " would take about "
                                + TimeUnit.NANOSECONDS.toMillis(expected) + " ms, longer than the deadline leaves");
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

        /**
         * The wait of a queued buyer: the buyers ahead of it who may still buy (no more than the stock last
         * read: the others will be answered by the sell-out news), in turns of this lane's recent length
         * (any lane's, while this one has too few). Zero while nothing is known yet.
         */
        private long expectedWait(Waiter me, TurnTimes anyLane) {
            OptionalLong turn = turns.typical();
            if (turn.isEmpty()) {
                turn = anyLane.typical();
            }
            if (turn.isEmpty()) {
                return 0;
            }
            int ahead = 0;
            for (Waiter waiter : line) {
                if (waiter == me) {
                    break;
                }
                ahead++;
            }
            int mayBuyAhead = stockRead < 0 ? ahead : Math.min(ahead, stockRead);
            return QueueEstimate.waitNanos(mayBuyAhead, width, turn.getAsLong());
        }

        /** A checkout's turn is over, served or refused: what it took tells the next estimates. */
        void turnTook(long turnNanos, TurnTimes anyLane) {
            turns.record(turnNanos);
            anyLane.record(turnNanos);
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

        void stockRead(int left) {
            lock.lock();
            try {
                stockRead = left;
            } finally {
                lock.unlock();
            }
        }

        void stockShort(int left) {
            lock.lock();
            try {
                stockRead = left;
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
