package com.shop.support.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the wire: a decimal string with exactly two places (docs/design.md#ids-and-money). */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
