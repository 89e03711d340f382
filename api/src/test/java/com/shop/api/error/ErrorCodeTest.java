package com.shop.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void everyCodeIsUpperSnakeWithAnErrorStatusAndAMessage() {
        assertThat(ErrorCode.values()).allSatisfy(code -> {
            assertThat(code.name()).matches("[A-Z][A-Z0-9_]*");
            assertThat(code.httpStatus()).isBetween(400, 599);
            assertThat(code.defaultMessage()).isNotBlank();
        });
    }

    @Test
    void refusalsOfBadInputAreClientErrorsAndFaultsAreNot() {
        assertThat(ErrorCode.GOODS_NUM_NOT_ENOUGH.isClientError()).isTrue();
        assertThat(ErrorCode.REQUEST_PARAMETER_INVALID.isClientError()).isTrue();
        assertThat(Arrays.stream(ErrorCode.values()).filter(c -> !c.isClientError()))
                .containsExactlyInAnyOrder(ErrorCode.INJECTED_FAULT, ErrorCode.DOWNSTREAM_UNAVAILABLE, ErrorCode.COORDINATOR_UNAVAILABLE,
                        ErrorCode.TRANSACTION_TIMEOUT, ErrorCode.CHECKOUT_OVERLOADED, ErrorCode.OVERLOADED, ErrorCode.BUSY,
                        ErrorCode.INTERNAL_ERROR);
    }
}
