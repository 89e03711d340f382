package com.shop.stack;

/** The stack could not start; the message says which component and why. */
public class StackStartFailure extends RuntimeException {

    public StackStartFailure(String message) {
        super(message);
    }

    public StackStartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
