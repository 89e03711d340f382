package com.shop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.api.payment.CallbackSignature;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment platform, simulated for the local stack: opens a payment through pay-app's API and
 * posts the signed success callback the real platform would send (docs/design.md#payment). The
 * secret is the one pay-app runs with, read from Nacos. {@code ./shop.sh pay ORDER_ID} and the
 * end-to-end tests pay through this class.
 */
public final class PaymentPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("(?m)^\\s*callback-secret:\\s*(\\S+)\\s*$");

    private final String payAppUrl;
    private final String secret;

    public PaymentPlatform(String payAppUrl, String secret) {
        this.payAppUrl = payAppUrl;
        this.secret = secret;
    }

    /** The simulator for the stack these settings describe, with the secret pay-app reads from Nacos. */
    public static PaymentPlatform of(StackSettings settings) throws IOException {
        String config = NacosOpenApi.of(settings).readConfig("DEFAULT_GROUP", "pay-app.yaml");
        Matcher secret = config == null ? null : SECRET.matcher(config);
        if (secret == null || !secret.find()) {
            throw new IOException("No shop.payment.callback-secret in Nacos (DEFAULT_GROUP/pay-app.yaml): is the stack up?");
        }
        return new PaymentPlatform(Ports.url(Components.PAY), secret.group(1));
    }

    /** The same platform calling another pay-app instance (a load balancer's choice). */
    public PaymentPlatform at(String otherPayAppUrl) {
        return new PaymentPlatform(otherPayAppUrl, secret);
    }

    /** {@code POST /api/payments}: 201 a new payment, 200 the order's open one, 4xx a refusal. */
    public Http.Response openPayment(String orderId) {
        return post("/api/payments", JSON.createObjectNode().put("orderId", orderId).toString());
    }

    /** The success notification for a payment, signed now with a fresh nonce and trade number. */
    public Map<String, String> successCallback(String payId, String orderId, String payAmount) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payId", payId);
        fields.put("orderId", orderId);
        fields.put("payAmount", payAmount);
        fields.put("tradeNo", "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        fields.put("status", "SUCCESS");
        fields.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        fields.put("nonce", UUID.randomUUID().toString());
        return sign(fields);
    }

    /** The fields with {@code sign} set as the platform computes it (any old one replaced). */
    public Map<String, String> sign(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.remove(CallbackSignature.SIGN_FIELD);
        signed.put(CallbackSignature.SIGN_FIELD, CallbackSignature.sign(signed, secret));
        return signed;
    }

    /** {@code POST /api/payments/callback} with these fields as a JSON object of strings. */
    public Http.Response postCallback(Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach(body::put);
        return post("/api/payments/callback", body.toString());
    }

    /** Opens the order's payment if needed, then pays it with a signed success callback. */
    public Http.Response pay(String orderId) {
        Http.Response opened = openPayment(orderId);
        if (opened.status() != 200 && opened.status() != 201) {
            return opened;
        }
        JsonNode payment = opened.json();
        return postCallback(successCallback(payment.path("payId").asText(), orderId, payment.path("payAmount").asText()));
    }

    private Http.Response post(String path, String json) {
        return Http.postJson(payAppUrl + path, json);
    }
}
