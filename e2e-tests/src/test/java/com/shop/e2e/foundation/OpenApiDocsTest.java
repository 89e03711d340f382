package com.shop.e2e.foundation;

import static com.shop.api.error.ErrorCode.BUSY;
import static com.shop.api.error.ErrorCode.CALLBACK_EXPIRED;
import static com.shop.api.error.ErrorCode.CHECKOUT_BUSY;
import static com.shop.api.error.ErrorCode.COORDINATOR_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.CHECKOUT_OVERLOADED;
import static com.shop.api.error.ErrorCode.COUPON_ISUSED;
import static com.shop.api.error.ErrorCode.COUPON_NOT_OWNED;
import static com.shop.api.error.ErrorCode.COUPON_NO_EXIST;
import static com.shop.api.error.ErrorCode.DOWNSTREAM_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.GOODS_NO_EXIST;
import static com.shop.api.error.ErrorCode.GOODS_NUM_NOT_ENOUGH;
import static com.shop.api.error.ErrorCode.GOODS_PRICE_INVALID;
import static com.shop.api.error.ErrorCode.INJECTED_FAULT;
import static com.shop.api.error.ErrorCode.INTERNAL_ERROR;
import static com.shop.api.error.ErrorCode.MONEY_PAID_INVALID;
import static com.shop.api.error.ErrorCode.MONEY_PAID_LESS_ZERO;
import static com.shop.api.error.ErrorCode.ORDERAMOUNT_INVALID;
import static com.shop.api.error.ErrorCode.ORDER_NOT_FOUND;
import static com.shop.api.error.ErrorCode.ORDER_NOT_PAYABLE;
import static com.shop.api.error.ErrorCode.ORDER_SHIPPINGFEE_INVALID;
import static com.shop.api.error.ErrorCode.OVERLOADED;
import static com.shop.api.error.ErrorCode.PAYMENT_IS_PAID;
import static com.shop.api.error.ErrorCode.PAYMENT_MISMATCH;
import static com.shop.api.error.ErrorCode.PAYMENT_NOT_FOUND;
import static com.shop.api.error.ErrorCode.REQUEST_IN_PROGRESS;
import static com.shop.api.error.ErrorCode.REQUEST_PARAMETER_INVALID;
import static com.shop.api.error.ErrorCode.REQUEST_TOO_LARGE;
import static com.shop.api.error.ErrorCode.SIGNATURE_INVALID;
import static com.shop.api.error.ErrorCode.TRANSACTION_TIMEOUT;
import static com.shop.api.error.ErrorCode.USER_NO_EXIST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.api.error.ErrorCode;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API documents itself: each service with a REST API publishes an OpenAPI document with its name and
 * version, and every call in it has a summary and lists, under the status {@link ErrorCode} fixes, each
 * error code it can answer — those of docs/design.md's REST contract below, plus 500 INTERNAL_ERROR.
 */
@ExtendWith(StackExtension.class)
class OpenApiDocsTest {

    /** The REST contract: per service, per call, the error codes it can answer (besides INTERNAL_ERROR). */
    private static final Map<String, Map<String, Set<ErrorCode>>> CONTRACT = Map.of(
            Components.ORDER, Map.of(
                    "POST /api/orders", EnumSet.of(REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, GOODS_NO_EXIST, USER_NO_EXIST,
                            COUPON_NO_EXIST, COUPON_NOT_OWNED, ORDER_SHIPPINGFEE_INVALID, ORDERAMOUNT_INVALID,
                            MONEY_PAID_LESS_ZERO, GOODS_PRICE_INVALID, GOODS_NUM_NOT_ENOUGH, COUPON_ISUSED,
                            MONEY_PAID_INVALID, REQUEST_IN_PROGRESS, CHECKOUT_BUSY, INJECTED_FAULT,
                            DOWNSTREAM_UNAVAILABLE, COORDINATOR_UNAVAILABLE, CHECKOUT_OVERLOADED, TRANSACTION_TIMEOUT),
                    "GET /api/orders/{orderId}", EnumSet.of(REQUEST_PARAMETER_INVALID, ORDER_NOT_FOUND)),
            Components.PAY, Map.of(
                    "POST /api/payments", EnumSet.of(REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, ORDER_NOT_FOUND, PAYMENT_IS_PAID,
                            ORDER_NOT_PAYABLE, DOWNSTREAM_UNAVAILABLE),
                    "GET /api/payments/{payId}", EnumSet.of(REQUEST_PARAMETER_INVALID, PAYMENT_NOT_FOUND),
                    "POST /api/payments/callback", EnumSet.of(REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, SIGNATURE_INVALID,
                            CALLBACK_EXPIRED, PAYMENT_NOT_FOUND, PAYMENT_MISMATCH, INJECTED_FAULT, OVERLOADED, BUSY,
                            COORDINATOR_UNAVAILABLE)));

    /** The keys of an OpenAPI path item that are operations (the others are shared parameters and text). */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void eachServiceWithARestApiNamesItselfItsVersionAndNoHost() {
        for (String service : CONTRACT.keySet()) {
            JsonNode document = document(service);

            assertThat(document.at("/info/title").asText()).as(service).isEqualTo(service + " API");
            assertThat(document.at("/info/version").asText()).as(service).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(document.at("/info/description").asText()).as(service).isNotBlank();
            document.path("servers").forEach(server ->
                    assertThat(server.path("url").asText()).as(service + " server").startsWith("/"));
        }
    }

    /** Exactly the calls of the contract: a new call needs its line there, and actuator is not part of the API. */
    @Test
    void everyCallHasASummaryAndListsEachErrorItCanAnswerUnderItsStatus() {
        CONTRACT.forEach((service, calls) -> {
            Map<String, JsonNode> operations = operations(document(service));
            assertThat(operations.keySet()).as(service + " calls").containsExactlyInAnyOrderElementsOf(calls.keySet());

            calls.forEach((call, codes) -> {
                JsonNode operation = operations.get(call);
                assertThat(operation.path("summary").asText()).as(call + " summary").isNotBlank();
                Set<ErrorCode> expected = EnumSet.copyOf(codes);
                expected.add(INTERNAL_ERROR);
                assertThat(errorsListed(call, operation.path("responses"))).as(call + " errors")
                        .containsExactlyInAnyOrderElementsOf(expected);
            });
        });
    }

    private static JsonNode document(String service) {
        Http.Response response = Http.get(Ports.url(service) + "/v3/api-docs");
        assertThat(response.status()).as(service + " /v3/api-docs").isEqualTo(200);
        return response.json();
    }

    /** "POST /api/orders" → its operation. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
            }
        }));
        return operations;
    }

    /** The codes of the 4xx and 5xx responses' examples, each checked to sit under its own status with its body. */
    private static Set<ErrorCode> errorsListed(String call, JsonNode responses) {
        Set<ErrorCode> listed = EnumSet.noneOf(ErrorCode.class);
        responses.fields().forEachRemaining(response -> {
            int status = Integer.parseInt(response.getKey());
            if (status < 400) {
                return;
            }
            JsonNode examples = response.getValue().at("/content/application~1json/examples");
            assertThat(examples.size()).as(call + " " + status + " examples").isPositive();
            examples.fields().forEachRemaining(example -> {
                ErrorCode code = ErrorCode.valueOf(example.getKey());
                assertThat(status).as(call + " " + code + " status").isEqualTo(code.httpStatus());
                assertThat(example.getValue().at("/value/code").asText()).as(call + " " + code).isEqualTo(code.name());
                assertThat(example.getValue().at("/value/message").asText()).as(call + " " + code).isNotBlank();
                listed.add(code);
            });
        });
        return listed;
    }
}
