package com.shop.api.user;

import com.shop.api.Outcome;
import java.math.BigDecimal;

/** user-app over Dubbo: users and their balance, every move recorded in the money log. */
public interface UserService {

    /** The user, or null if there is none with this id. */
    UserInfo findUser(long userId);

    /** Takes the amount from the balance for the order; refused for a second deduction or a short balance. */
    Outcome deductBalance(long userId, long orderId, BigDecimal amount);

    /** Gives back what the order took, once: a second refund changes nothing. */
    Outcome refundBalance(long userId, long orderId, BigDecimal amount);
}
