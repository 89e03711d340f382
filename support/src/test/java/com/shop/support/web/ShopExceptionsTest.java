package com.shop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import org.junit.jupiter.api.Test;

class ShopExceptionsTest {

    @Test
    void findsTheShopExceptionBehindSeatasWrapper() {
        ShopException cause = new ShopException(ErrorCode.GOODS_NUM_NOT_ENOUGH);
        RuntimeException wrapped = new RuntimeException("try to proceed invocation error",
                new IllegalStateException("proxy", cause));
        assertThat(ShopExceptions.find(wrapped)).isSameAs(cause);
    }

    @Test
    void findsNothingWhenNoShopExceptionIsInTheChain() {
        assertThat(ShopExceptions.find(new RuntimeException(new IllegalStateException()))).isNull();
    }
}
