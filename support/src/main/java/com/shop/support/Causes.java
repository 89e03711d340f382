package com.shop.support;

/**
 * Finds a cause of a given type behind a failure. Seata 2.0.0 wraps whatever leaves a
 * {@code @GlobalTransactional} method in {@code RuntimeException("try to proceed invocation error")}
 * (STACK.md gotcha 1), and Spring, MyBatis and Dubbo add layers of their own: a failure is
 * classified by what is inside, never by its outer type.
 */
public final class Causes {

    private Causes() {
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    public static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }
}
