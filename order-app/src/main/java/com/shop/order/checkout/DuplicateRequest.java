package com.shop.order.checkout;

/**
 * An order with this request id is there already: a concurrent request with the same id inserted it
 * first, and this one wrote nothing. {@link Orders} says so in place of the database's duplicate key.
 */
public class DuplicateRequest extends RuntimeException {

    public DuplicateRequest(String requestId, Throwable duplicateKey) {
        super("An order with request id " + requestId + " exists already", duplicateKey, false, false);
    }
}
