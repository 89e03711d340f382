package com.shop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import com.shop.api.payment.PaymentState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The states other services and the REST contract see, and the codes docs/design.md gives their columns. */
class CodedTest {

    @Test
    void everyStateHasTheCodeItsColumnDocumentsAndComesBackFromIt() {
        assertCodes(OrderStatus.class, 0, 1, 2, 3, 4);
        assertCodes(PayStatus.class, 0, 1, 2);
        assertCodes(PaymentState.class, 1, 2, 3);
        assertThat(OrderStatus.ofCode(2)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(PayStatus.ofCode(2)).isEqualTo(PayStatus.PAID);
        assertThat(PaymentState.ofCode(3)).isEqualTo(PaymentState.CLOSED);
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertThatThrownBy(() -> OrderStatus.ofCode(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No OrderStatus with code 5");
        assertThatThrownBy(() -> PayStatus.ofCode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentState.ofCode(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnUnconfirmedOrderIsStillBeingPlacedAndOnlyACancelledOneIsNotLive() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(s -> !s.isSettled())).containsExactly(OrderStatus.UNCONFIRMED);
        assertThat(Arrays.stream(OrderStatus.values()).filter(s -> !s.isLive())).containsExactly(OrderStatus.CANCELLED);
    }

    /** Asserts the codes in declaration order, and that each constant is found again by its code. */
    private static <E extends Enum<E> & Coded> void assertCodes(Class<E> type, int... codes) {
        E[] constants = type.getEnumConstants();
        assertThat(Arrays.stream(constants).mapToInt(Coded::code).toArray()).containsExactly(codes);
        assertThat(constants).allSatisfy(constant -> assertThat(Coded.ofCode(type, constant.code())).isSameAs(constant));
    }
}
