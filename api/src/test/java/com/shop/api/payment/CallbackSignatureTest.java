package com.shop.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final String SECRET = "test-secret";

    @Test
    void signsTheSortedNonEmptyFieldsWithoutTheSignItself() {
        Map<String, String> fields = new HashMap<>(Map.of("orderId", "2", "payId", "1", "nonce", "", "sign", "x"));
        assertThat(CallbackSignature.canonical(fields)).isEqualTo("orderId=2&payId=1");
    }

    @Test
    void matchesAnHmacSha256ComputedIndependently() {
        // echo -n 'a=1&b=2' | openssl dgst -sha256 -hmac test-secret
        assertThat(CallbackSignature.sign(Map.of("b", "2", "a", "1"), SECRET))
                .isEqualTo("ec7fe6e1524630e1bbf333bf640bd5bcfddb27fe2d122f1832ee46be17fec9b7");
    }

    @Test
    void acceptsItsOwnSignatureAndRefusesAChangedFieldOrAnotherSecret() {
        Map<String, String> fields = new HashMap<>(Map.of("payId", "1", "payAmount", "10.00"));
        fields.put("sign", CallbackSignature.sign(fields, SECRET));
        assertThat(CallbackSignature.isValid(fields, SECRET)).isTrue();
        assertThat(CallbackSignature.isValid(fields, "other")).isFalse();
        fields.put("payAmount", "10.01");
        assertThat(CallbackSignature.isValid(fields, SECRET)).isFalse();
    }

    @Test
    void refusesAMissingSignature() {
        assertThat(CallbackSignature.isValid(Map.of("payId", "1"), SECRET)).isFalse();
    }
}
