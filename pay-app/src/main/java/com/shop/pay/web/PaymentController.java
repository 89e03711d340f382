package com.shop.pay.web;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.pay.db.PaymentMapper;
import com.shop.pay.db.PaymentRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
public class PaymentController {

    private final PaymentMapper payments;

    public PaymentController(PaymentMapper payments) {
        this.payments = payments;
    }

    @GetMapping("/{payId}")
    public PaymentView find(@PathVariable long payId) {
        PaymentRecord payment = payments.selectById(payId);
        if (payment == null) {
            throw new ShopException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + payId);
        }
        return PaymentView.of(payment);
    }
}
