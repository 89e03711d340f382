package com.shop.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.payment.CallbackSignature;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentCallbackVerifierTest {

    private static final String SECRET = "unit-test-secret";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final PaymentCallbackVerifier verifier = new PaymentCallbackVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsASignedFreshSuccessCallback() {
        PaymentCallback callback = verifier.verify(signed(callback(NOW.getEpochSecond())));
        assertThat(callback).isEqualTo(new PaymentCallback(9100000000000000001L, 9100000000000000002L,
                new BigDecimal("70.00"), "T-1"));
    }

    @Test
    void refusesAMissingOrForgedSignatureBeforeLookingAtAnythingElse() {
        Map<String, String> unsigned = callback(0);
        assertCode(() -> verifier.verify(unsigned), ErrorCode.SIGNATURE_INVALID);
        Map<String, String> forged = signed(callback(NOW.getEpochSecond()));
        forged.put("payAmount", "0.01");
        assertCode(() -> verifier.verify(forged), ErrorCode.SIGNATURE_INVALID);
        Map<String, String> otherSecret = callback(NOW.getEpochSecond());
        otherSecret.put("sign", CallbackSignature.sign(otherSecret, "another-secret"));
        assertCode(() -> verifier.verify(otherSecret), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void acceptsTimestampsUpToFiveMinutesAwayAndRefusesBeyond() {
        long fiveMinutes = 300;
        assertThat(verifier.verify(signed(callback(NOW.getEpochSecond() - fiveMinutes)))).isNotNull();
        assertThat(verifier.verify(signed(callback(NOW.getEpochSecond() + fiveMinutes)))).isNotNull();
        assertCode(() -> verifier.verify(signed(callback(NOW.getEpochSecond() - fiveMinutes - 1))), ErrorCode.CALLBACK_EXPIRED);
        assertCode(() -> verifier.verify(signed(callback(NOW.getEpochSecond() + fiveMinutes + 1))), ErrorCode.CALLBACK_EXPIRED);
    }

    @Test
    void refusesSignedButMalformedFields() {
        Map<String, String> failed = callback(NOW.getEpochSecond());
        failed.put("status", "FAILED");
        assertCode(() -> verifier.verify(signed(failed)), ErrorCode.REQUEST_PARAMETER_INVALID);
        Map<String, String> tooLarge = callback(NOW.getEpochSecond());
        tooLarge.put("payId", "9223372036854775808");
        assertCode(() -> verifier.verify(signed(tooLarge)), ErrorCode.REQUEST_PARAMETER_INVALID);
        Map<String, String> threeDecimals = callback(NOW.getEpochSecond());
        threeDecimals.put("payAmount", "70.001");
        assertCode(() -> verifier.verify(signed(threeDecimals)), ErrorCode.REQUEST_PARAMETER_INVALID);
    }

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> new PaymentCallbackVerifier("", Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, String> callback(long timestamp) {
        Map<String, String> fields = new HashMap<>();
        fields.put("payId", "9100000000000000001");
        fields.put("orderId", "9100000000000000002");
        fields.put("payAmount", "70.00");
        fields.put("tradeNo", "T-1");
        fields.put("status", "SUCCESS");
        fields.put("timestamp", String.valueOf(timestamp));
        fields.put("nonce", "n-1");
        return fields;
    }

    private static Map<String, String> signed(Map<String, String> fields) {
        fields.put("sign", CallbackSignature.sign(fields, SECRET));
        return fields;
    }

    private static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(ShopException.class)
                .satisfies(e -> assertThat(((ShopException) e).code()).isEqualTo(code));
    }
}
