package com.shop.api;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.io.Serializable;

/**
 * The answer of a provider's write: done, or refused with an error code. Business refusals travel
 * as data, not as remote exceptions (hessian2 cannot always carry those, see
 * docs/stack-traps.md#6-provider-exceptions-over-hessian2-on-jdk-17), and
 * the consumer turns a refusal back into a {@link ShopException} with {@link #orThrow()}.
 */
public class Outcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private String errorCode;
    private String message;

    public Outcome() {
    }

    private Outcome(String errorCode, String message) {
        this.errorCode = errorCode;
        this.message = message;
    }

    public static Outcome done() {
        return new Outcome(null, null);
    }

    public static Outcome refused(ErrorCode code, String message) {
        return new Outcome(code.name(), message);
    }

    public boolean isDone() {
        return errorCode == null;
    }

    /** Throws the refusal as a {@link ShopException}; does nothing when done. */
    public void orThrow() {
        if (!isDone()) {
            throw new ShopException(ErrorCode.valueOf(errorCode), message);
        }
    }

    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return isDone() ? "done" : errorCode + ": " + message;
    }
}
