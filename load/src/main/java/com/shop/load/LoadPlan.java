package com.shop.load;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link LoadRun} hands to the simulation Gatling is about to run in the same JVM: Gatling
 * creates a simulation from its class name alone, so its fixtures and settings wait here.
 */
final class LoadPlan {

    /** A buyer of the closed-loop checkout scenario: a user of its own and a goods of its own. */
    record Buyer(long user, long goods) {
    }

    /** One round of checkouts on distinct goods, with the global transaction on or off. */
    record CheckoutRound(List<Buyer> buyers, int seconds, boolean globalTransactions, Outcomes outcomes) {
    }

    /** A checkout of the rush: a hot-goods buyer or an ordinary checkout, all released at once. */
    record RushCheckout(String kind, long user, long goods) {
    }

    record Rush(List<RushCheckout> checkouts, Outcomes outcomes) {
    }

    /** Unpaid orders with an open payment each, ids consecutive (see {@link Fixtures#unpaidOrders}). */
    record UnpaidOrders(long firstId, int count, BigDecimal amount) {

        long user(int i) {
            return firstId + 3L * i;
        }

        long order(int i) {
            return firstId + 3L * i + 1;
        }

        long pay(int i) {
            return firstId + 3L * i + 2;
        }

        /** The index of an order of these, or -1. */
        int indexOfOrder(long orderId) {
            long offset = orderId - firstId - 1;
            return offset >= 0 && offset % 3 == 0 && offset / 3 < count ? (int) (offset / 3) : -1;
        }
    }

    private static volatile CheckoutRound checkoutRound;
    private static volatile Rush rush;
    private static volatile CallbackPhase callbackPhase;

    private LoadPlan() {
    }

    static void next(CheckoutRound round) {
        checkoutRound = round;
    }

    static void next(Rush next) {
        rush = next;
    }

    static void next(CallbackPhase phase) {
        callbackPhase = phase;
    }

    static CallbackPhase callbackPhase() {
        if (callbackPhase == null) {
            throw new IllegalStateException("PaymentCallbackSimulation runs from LoadRun (./load.sh callback), which seeds its orders");
        }
        return callbackPhase;
    }

    static CheckoutRound checkoutRound() {
        if (checkoutRound == null) {
            throw new IllegalStateException("CheckoutSimulation runs from LoadRun (./load.sh checkout), which seeds its buyers");
        }
        return checkoutRound;
    }

    static Rush rush() {
        if (rush == null) {
            throw new IllegalStateException("HotGoodsSimulation runs from LoadRun (./load.sh hot), which seeds its goods");
        }
        return rush;
    }
}
