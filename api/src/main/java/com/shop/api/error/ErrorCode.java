package com.shop.api.error;

/**
 * Every refusal and fault the shop can answer with. The names are the REST error codes; the HTTP
 * status says whether the caller (4xx) or the system (5xx) is at fault. Names follow the source
 * documents' ShopCode where one fits, so a reader of those notes finds them.
 */
public enum ErrorCode {
    REQUEST_PARAMETER_INVALID(400, "The request is malformed or a field is invalid"),
    GOODS_NO_EXIST(404, "Goods not found"),
    USER_NO_EXIST(404, "User not found"),
    ORDER_NOT_FOUND(404, "Order not found"),
    GOODS_PRICE_INVALID(409, "The price differs from the current goods price"),
    GOODS_NUM_NOT_ENOUGH(409, "Not enough stock"),
    ORDER_SHIPPINGFEE_INVALID(400, "Wrong shipping fee"),
    ORDERAMOUNT_INVALID(400, "Wrong order amount"),
    COUPON_NO_EXIST(404, "Coupon not found"),
    COUPON_NOT_OWNED(403, "The coupon belongs to another user"),
    COUPON_ISUSED(409, "The coupon is already used"),
    MONEY_PAID_LESS_ZERO(400, "The balance to use is negative"),
    MONEY_PAID_INVALID(409, "The balance to use exceeds what the user has or what the order costs"),
    BALANCE_ALREADY_DEDUCTED(409, "The balance was already deducted for this order"),
    REQUEST_IN_PROGRESS(409, "A request with this requestId is still being processed or failed; retry"),
    CHECKOUT_BUSY(409, "Too many checkouts contend for the same goods, coupon or balance; retry"),
    TRANSACTION_TIMEOUT(504, "The checkout took longer than its global transaction allows and was rolled back"),
    PAYMENT_NOT_FOUND(404, "Payment not found"),
    ORDER_NOT_PAYABLE(409, "The order is not confirmed and unpaid with something left to pay"),
    PAYMENT_IS_PAID(409, "The payment is already paid"),
    PAYMENT_MISMATCH(409, "The callback's order or amount differs from the payment's"),
    SIGNATURE_INVALID(401, "The signature does not match"),
    CALLBACK_EXPIRED(401, "The callback's timestamp is more than 5 minutes away from now"),
    FAULT_INJECTION_DISABLED(403, "Fault injection is not enabled on this process"),
    AT_PROBE_DISABLED(403, "The AT probe's write is not enabled on this process"),
    OPERATOR_TOKEN_INVALID(401, "Actuator writes need the operator token"),
    REQUEST_TOO_LARGE(413, "The request body is larger than this service accepts"),
    INJECTED_FAULT(500, "A fault was injected on purpose"),
    DOWNSTREAM_UNAVAILABLE(503, "A service this call needs is unavailable"),
    COORDINATOR_UNAVAILABLE(503, "The transaction coordinator (Seata TC) could not be reached; retry, with the same "
            + "requestId for a checkout, which also tells whether an earlier try went through"),
    CHECKOUT_OVERLOADED(503, "Checkout is serving as many buyers as it can; retry after Retry-After seconds"),
    OVERLOADED(503, "The service is serving as many requests as it can; retry after Retry-After seconds"),
    BUSY(503, "Another transaction holds the data this request needs; retry shortly"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public boolean isClientError() {
        return httpStatus >= 400 && httpStatus < 500;
    }
}
