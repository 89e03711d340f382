package com.shop.api.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment platform's callback signature (docs/design.md#payment): every non-empty field except
 * {@code sign}, sorted by name, joined as {@code name=value} with {@code &}, HMAC-SHA256 with the
 * shared secret, lowercase hex. pay-app verifies with it; the simulator and the tests sign with it.
 */
public final class CallbackSignature {

    public static final String SIGN_FIELD = "sign";

    private CallbackSignature() {
    }

    /** The string that is signed: {@code a=1&b=2}, empty values and {@code sign} left out. */
    public static String canonical(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream()
                .filter(field -> !SIGN_FIELD.equals(field.getKey()))
                .filter(field -> field.getValue() != null && !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("&"));
    }

    public static String sign(Map<String, String> fields, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("No callback secret configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(fields).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code fields} carry the signature the secret gives them; compared in constant time. */
    public static boolean isValid(Map<String, String> fields, String secret) {
        String given = fields.get(SIGN_FIELD);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(fields, secret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }
}
