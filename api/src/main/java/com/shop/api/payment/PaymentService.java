package com.shop.api.payment;

import com.shop.api.Outcome;
import java.math.BigDecimal;

/** pay-app over Dubbo, for order-app's cancel. */
public interface PaymentService {

    /**
     * Closes the order's payment for good, as a branch of the cancel's global transaction: an open
     * payment is closed, and an order that has none gets a closed one, so no payment can be opened
     * for it afterwards. A second close changes nothing. Refused with PAYMENT_IS_PAID when the order's
     * payment is paid: the payment won, and the cancel must not happen.
     */
    Outcome closePayment(long orderId, long userId, BigDecimal payAmount);
}
