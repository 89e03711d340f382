package com.shop.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.order.OrderStatus;
import com.shop.order.admission.CheckoutAdmission;
import com.shop.order.db.OrderRecord;
import com.shop.support.rpc.ProviderUnavailable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** Checkout's own decisions — replay, retry, timeout — with its collaborators stubbed. */
class CheckoutTest {

    private static final long ORDER_ID = 383_259_076_848_521_216L;

    private final CheckoutChecks checks = mock(CheckoutChecks.class);
    private final ConfirmOrder confirmOrder = mock(ConfirmOrder.class);
    private final Orders orders = mock(Orders.class);
    private final PaymentTimeouts paymentTimeouts = mock(PaymentTimeouts.class);
    private final PlaceOrder request = new PlaceOrder("r-1", 9_100_000_000_000_000_001L, 9_100_000_000_000_000_002L,
            1, new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("20.00"), null, null, "a", "c");
    private final PricedOrder priced = new PricedOrder(request, new BigDecimal("10.00"), new BigDecimal("10.00"),
            new BigDecimal("20.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("20.00"));

    private Checkout checkout(long globalTimeoutMillis, long deadlineMillis) {
        return new Checkout(checks, confirmOrder, orders, new CheckoutAdmission(2, 8, 100), paymentTimeouts,
                globalTimeoutMillis,
                deadlineMillis);
    }

    @Test
    void aReplayedRequestIdAnswersTheFirstOrderWithoutCheckingOrConfirmingAgain() {
        OrderRecord first = order(OrderStatus.CONFIRMED);
        when(orders.findByRequestId("r-1")).thenReturn(first);

        Checkout.Placed placed = checkout(10_000, 8_000).place(request);

        assertThat(placed.replayed()).isTrue();
        assertThat(placed.order()).isSameAs(first);
        verify(checks, never()).check(any(), any());
        verify(confirmOrder, never()).confirm(any());
    }

    @Test
    void aLostGlobalLockRaceIsRetriedWithFreshChecksAndANewGlobalTransaction() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenThrow(busy()).thenThrow(busy()).thenReturn(ORDER_ID);
        when(orders.find(ORDER_ID)).thenReturn(order(OrderStatus.CONFIRMED));

        Checkout.Placed placed = checkout(10_000, 8_000).place(request);

        assertThat(placed.replayed()).isFalse();
        assertThat(placed.order().getOrderId()).isEqualTo(ORDER_ID);
        verify(checks, times(3)).check(eq(request), any());
        verify(confirmOrder, times(3)).confirm(priced);
    }

    @Test
    void aConfirmedOrderLeftToPayGetsItsTimeoutScheduledOnceItsGlobalTransactionCommitted() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenThrow(busy()).thenReturn(ORDER_ID);
        OrderRecord confirmed = order(OrderStatus.CONFIRMED);
        confirmed.setPayDeadline(LocalDateTime.now().plusMinutes(30));
        when(orders.find(ORDER_ID)).thenReturn(confirmed);

        checkout(10_000, 8_000).place(request);

        verify(paymentTimeouts, times(1)).schedule(confirmed);
    }

    @Test
    void aPaidOrderOrAFailedCheckoutSchedulesNoTimeout() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenReturn(ORDER_ID).thenThrow(new IllegalStateException("rolled back"));
        when(orders.find(ORDER_ID)).thenReturn(order(OrderStatus.CONFIRMED));

        checkout(10_000, 8_000).place(request);
        assertThatThrownBy(() -> checkout(10_000, 8_000).place(request)).isInstanceOf(IllegalStateException.class);

        verify(paymentTimeouts, never()).schedule(any());
    }

    @Test
    void racesStillLostAtTheDeadlineAreAnsweredAsBusy() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenThrow(busy());

        assertThatThrownBy(() -> checkout(10_000, 300).place(request))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.CHECKOUT_BUSY);
    }

    @Test
    void aConcurrentReplayLosingTheRequestIdRaceAnswersTheOrderTheOtherRequestMade() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenThrow(new DuplicateRequest("r-1", null));
        OrderRecord first = order(OrderStatus.CONFIRMED);
        when(orders.findByRequestId("r-1")).thenReturn(null, order(OrderStatus.UNCONFIRMED), first);

        Checkout.Placed placed = checkout(10_000, 8_000).place(request);

        assertThat(placed.replayed()).isTrue();
        assertThat(placed.order()).isSameAs(first);
    }

    @Test
    void aGlobalTransactionThatRanPastItsTimeoutIsReportedAsSuch() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenAnswer(invocation -> {
            Thread.sleep(80);
            throw new IllegalStateException("rolled back by the TC");
        });

        assertThatThrownBy(() -> checkout(50, 8_000).place(request))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.TRANSACTION_TIMEOUT);
    }

    @Test
    void aProviderSeenToDieIsReportedAsSuchHoweverLongItTook() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenAnswer(invocation -> {
            Thread.sleep(80);
            throw new ProviderUnavailable(new RpcException(RpcException.NETWORK_EXCEPTION, "channel inactive"));
        });

        assertThatThrownBy(() -> checkout(50, 8_000).place(request))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE);
        verify(confirmOrder, times(1)).confirm(priced);
    }

    @Test
    void aProviderThatDidNotAnswerInTheTransactionsTimeIsATransactionTimeout() {
        when(checks.check(eq(request), any())).thenReturn(priced);
        when(confirmOrder.confirm(priced)).thenThrow(
                new ProviderUnavailable(new RpcException(RpcException.TIMEOUT_EXCEPTION, "no answer")));

        assertThatThrownBy(() -> checkout(10_000, 8_000).place(request))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.TRANSACTION_TIMEOUT);
        verify(confirmOrder, times(1)).confirm(priced);
    }

    @Test
    void aRefusalOfTheChecksIsAnsweredWithoutAGlobalTransaction() {
        when(checks.check(eq(request), any())).thenThrow(new StockShort(request.goodsId(), 0));

        assertThatThrownBy(() -> checkout(10_000, 8_000).place(request))
                .extracting(e -> ((ShopException) e).code()).isEqualTo(ErrorCode.GOODS_NUM_NOT_ENOUGH);
        verify(confirmOrder, never()).confirm(any());
    }

    private static ShopException busy() {
        return new ShopException(ErrorCode.CHECKOUT_BUSY, "Global lock held by another transaction");
    }

    private static OrderRecord order(OrderStatus status) {
        OrderRecord order = new OrderRecord();
        order.setOrderId(ORDER_ID);
        order.setOrderStatus(status);
        return order;
    }
}
