package com.shop.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsTheShopExceptionBehindSeatasWrapper() {
        ShopException cause = new ShopException(ErrorCode.GOODS_NUM_NOT_ENOUGH);
        RuntimeException wrapped = new RuntimeException("try to proceed invocation error",
                new IllegalStateException("proxy", cause));
        assertThat(Causes.find(wrapped, ShopException.class)).isSameAs(cause);
    }

    @Test
    void findsNothingWhenNoCauseHasTheType() {
        assertThat(Causes.find(new RuntimeException(new IllegalStateException()), ShopException.class)).isNull();
        assertThat(Causes.has(new RuntimeException(), ShopException.class)).isFalse();
    }
}
