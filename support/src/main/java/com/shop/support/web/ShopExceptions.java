package com.shop.support.web;

import com.shop.api.error.ShopException;

/**
 * Finds the {@link ShopException} behind a failure. Seata 2.0.0 wraps whatever leaves a
 * {@code @GlobalTransactional} method in {@code RuntimeException("try to proceed invocation error")}
 * (STACK.md gotcha 1), and Spring or Dubbo may add layers of their own.
 */
public final class ShopExceptions {

    private ShopExceptions() {
    }

    public static ShopException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ShopException shop) {
                return shop;
            }
        }
        return null;
    }
}
