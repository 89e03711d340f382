package com.shop.pay.web;

import static com.shop.api.error.ErrorCode.BUSY;
import static com.shop.api.error.ErrorCode.CALLBACK_EXPIRED;
import static com.shop.api.error.ErrorCode.COORDINATOR_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.DOWNSTREAM_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.INJECTED_FAULT;
import static com.shop.api.error.ErrorCode.ORDER_NOT_FOUND;
import static com.shop.api.error.ErrorCode.ORDER_NOT_PAYABLE;
import static com.shop.api.error.ErrorCode.OVERLOADED;
import static com.shop.api.error.ErrorCode.PAYMENT_IS_PAID;
import static com.shop.api.error.ErrorCode.PAYMENT_MISMATCH;
import static com.shop.api.error.ErrorCode.PAYMENT_NOT_FOUND;
import static com.shop.api.error.ErrorCode.REQUEST_PARAMETER_INVALID;
import static com.shop.api.error.ErrorCode.REQUEST_TOO_LARGE;
import static com.shop.api.error.ErrorCode.SIGNATURE_INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.api.error.ShopException;
import com.shop.pay.payment.PaymentCallbacks;
import com.shop.pay.payment.Payments;
import com.shop.support.web.ErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments", description = "Opening a payment and the payment platform's callback (docs/design.md#payment)")
public class PaymentController {

    private final Payments payments;
    private final PaymentCallbacks callbacks;

    public PaymentController(Payments payments, PaymentCallbacks callbacks) {
        this.payments = payments;
        this.callbacks = callbacks;
    }

    @Operation(summary = "Open the payment of a confirmed, unpaid order")
    @ApiResponse(responseCode = "201", description = "A new payment")
    @ApiResponse(responseCode = "200", description = "The order's open payment, which it already had")
    @ErrorResponses({REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, ORDER_NOT_FOUND, PAYMENT_IS_PAID, ORDER_NOT_PAYABLE, DOWNSTREAM_UNAVAILABLE})
    @PostMapping
    public ResponseEntity<PaymentView> open(@Valid @RequestBody OpenPaymentRequest request) {
        Payments.Opened opened = payments.open(request.orderIdValue());
        return ResponseEntity.status(opened.created() ? 201 : 200).body(PaymentView.of(opened.payment()));
    }

    @Operation(summary = "Read a payment")
    @ErrorResponses({REQUEST_PARAMETER_INVALID, PAYMENT_NOT_FOUND})
    @GetMapping("/{payId}")
    public PaymentView find(@PathVariable long payId) {
        return PaymentView.of(payments.find(payId));
    }

    /**
     * The payment platform's notification. The body is read as it came, field by field, because the
     * signature covers exactly the fields sent; values must be JSON strings (or whole numbers).
     */
    @Operation(summary = "The payment platform reports a payment, signed", description = "Fields, all strings: payId, "
            + "orderId, payAmount, tradeNo, status (SUCCESS), timestamp (epoch seconds), nonce, sign (docs/design.md#payment)")
    @ApiResponse(responseCode = "200", description = "{\"result\":\"SUCCESS\"}, also for a duplicate and for a payment "
            + "the order's cancel closed (then recorded as a refund due)")
    @ErrorResponses({REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, SIGNATURE_INVALID, CALLBACK_EXPIRED, PAYMENT_NOT_FOUND, PAYMENT_MISMATCH,
            INJECTED_FAULT, OVERLOADED, BUSY, COORDINATOR_UNAVAILABLE})
    @PostMapping("/callback")
    public Map<String, String> callback(@RequestBody JsonNode body) {
        callbacks.accept(fieldsOf(body));
        return Map.of("result", "SUCCESS");
    }

    private static Map<String, String> fieldsOf(JsonNode body) {
        if (!body.isObject()) {
            throw new ShopException(REQUEST_PARAMETER_INVALID, "The callback body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() || value.isIntegralNumber()) {
                fields.put(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw new ShopException(REQUEST_PARAMETER_INVALID,
                        field.getKey() + ": callback fields are strings");
            }
        });
        return fields;
    }
}
