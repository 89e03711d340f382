package com.shop.pay.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/payments}: the order to pay, its id as a string (a number is accepted too). */
public record OpenPaymentRequest(@NotNull @Pattern(regexp = "[1-9][0-9]{0,18}") String orderId) {

    @AssertTrue(message = "orderId must be at most 9223372036854775807")
    public boolean isOrderIdWithinRange() {
        if (orderId == null || !orderId.matches("[0-9]+")) {
            return true; // reported by the field's own constraint
        }
        try {
            Long.parseLong(orderId);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    long orderIdValue() {
        return Long.parseLong(orderId);
    }
}
