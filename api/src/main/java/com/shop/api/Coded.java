package com.shop.api;

/**
 * A state kept in a database column as a number. The code is for the database boundary (and for the
 * REST answers that document it): everything else compares the enum constants.
 */
public interface Coded {

    int code();

    /** The constant of {@code type} stored as {@code code}; an unknown code is refused, never guessed. */
    static <E extends Enum<E> & Coded> E ofCode(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " with code " + code);
    }
}
