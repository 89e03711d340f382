package com.shop.pay.payment;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.payment.CallbackSignature;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the fields the payment platform posted into a {@link PaymentCallback}, or refuses them before
 * anything is read or written: the signature first (401 SIGNATURE_INVALID: nothing else is looked at
 * for an unsigned caller), then the timestamp (401 CALLBACK_EXPIRED beyond ±5 minutes, so a captured
 * callback cannot be replayed later), then the fields themselves (400).
 */
public class PaymentCallbackVerifier {

    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern MONEY = Pattern.compile("[0-9]{1,8}(\\.[0-9]{1,2})?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern TRADE_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String SUCCESS = "SUCCESS";

    private final String secret;
    private final Clock clock;

    public PaymentCallbackVerifier(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("shop.payment.callback-secret is not set");
        }
        this.secret = secret;
        this.clock = clock;
    }

    public PaymentCallback verify(Map<String, String> fields) {
        if (!CallbackSignature.isValid(fields, secret)) {
            throw new ShopException(ErrorCode.SIGNATURE_INVALID, "The callback's sign is missing or wrong");
        }
        String timestamp = required(fields, "timestamp", EPOCH_SECONDS);
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > TIMESTAMP_TOLERANCE.toSeconds()) {
            throw new ShopException(ErrorCode.CALLBACK_EXPIRED,
                    "The callback's timestamp is " + skew + " s away from now; at most "
                            + TIMESTAMP_TOLERANCE.toSeconds() + " s are accepted");
        }
        if (!SUCCESS.equals(fields.get("status"))) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                    "status: only SUCCESS callbacks are accepted, got " + fields.get("status"));
        }
        return new PaymentCallback(
                Long.parseLong(id(fields, "payId")),
                Long.parseLong(id(fields, "orderId")),
                new BigDecimal(required(fields, "payAmount", MONEY)),
                required(fields, "tradeNo", TRADE_NO));
    }

    private static String id(Map<String, String> fields, String name) {
        String value = required(fields, name, ID);
        try {
            Long.parseLong(value);
            return value;
        } catch (NumberFormatException tooLarge) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, name + ": must be at most 9223372036854775807");
        }
    }

    private static String required(Map<String, String> fields, String name, Pattern format) {
        String value = fields.get(name);
        if (value == null || !format.matcher(value).matches()) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, name + ": missing or malformed");
        }
        return value;
    }
}
