package com.shop.pay.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.pay.payment.PaymentCallbacks;
import com.shop.pay.payment.Payments;
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
public class PaymentController {

    private final Payments payments;
    private final PaymentCallbacks callbacks;

    public PaymentController(Payments payments, PaymentCallbacks callbacks) {
        this.payments = payments;
        this.callbacks = callbacks;
    }

    /** 201 with a new payment; 200 with the order's open payment if it has one. */
    @PostMapping
    public ResponseEntity<PaymentView> open(@Valid @RequestBody OpenPaymentRequest request) {
        Payments.Opened opened = payments.open(request.orderIdValue());
        return ResponseEntity.status(opened.created() ? 201 : 200).body(PaymentView.of(opened.payment()));
    }

    @GetMapping("/{payId}")
    public PaymentView find(@PathVariable long payId) {
        return PaymentView.of(payments.find(payId));
    }

    /**
     * The payment platform's notification. The body is read as it came, field by field, because the
     * signature covers exactly the fields sent; values must be JSON strings (or whole numbers).
     */
    @PostMapping("/callback")
    public Map<String, String> callback(@RequestBody JsonNode body) {
        callbacks.accept(fieldsOf(body));
        return Map.of("result", "SUCCESS");
    }

    private static Map<String, String> fieldsOf(JsonNode body) {
        if (!body.isObject()) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, "The callback body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() || value.isIntegralNumber()) {
                fields.put(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                        field.getKey() + ": callback fields are strings");
            }
        });
        return fields;
    }
}
