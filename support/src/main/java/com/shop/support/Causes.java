package com.shop.support;

import java.util.function.Predicate;

/**
 * Finds a cause of a given type behind a failure. Spring, MyBatis and Dubbo wrap failures in layers
 * of their own (and the Seata 2.0 client wrapped whatever left a {@code @GlobalTransactional} method;
 * docs/stack-traps.md, section 1): a failure is classified by what is inside, never by its outer type.
 */
public final class Causes {

    private Causes() {
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable found = first(failure, type::isInstance);
        return found == null ? null : type.cast(found);
    }

    /** The outermost failure in the cause chain that passes the test (where it was thrown, say); null if none. */
    public static Throwable first(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    public static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }
}
