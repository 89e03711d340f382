package com.shop.api.error;

/** The one exception type of the shop: a refusal or fault named by its {@link ErrorCode}. */
public class ShopException extends RuntimeException {

    private final ErrorCode code;

    public ShopException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ShopException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ShopException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
