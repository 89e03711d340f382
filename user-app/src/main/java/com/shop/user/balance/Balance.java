package com.shop.user.balance;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.user.db.MoneyLogType;
import com.shop.user.db.UserMapper;
import com.shop.user.db.UserRecord;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's balance, moved only per order and always with a money-log row ({@link MoneyLogType}). */
@Service
public class Balance {

    private static final Logger log = LoggerFactory.getLogger(Balance.class);

    private final UserMapper users;

    public Balance(UserMapper users) {
        this.users = users;
    }

    public UserRecord find(long userId) {
        return users.selectById(userId);
    }

    @Transactional
    public void deduct(long userId, long orderId, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_LESS_ZERO, "The amount to deduct must be > 0");
        }
        try {
            users.insertLog(userId, orderId, MoneyLogType.PAID, amount);
        } catch (DuplicateKeyException e) {
            throw new ShopException(ErrorCode.BALANCE_ALREADY_DEDUCTED,
                    "Balance of user " + userId + " was already deducted for order " + orderId);
        }
        if (users.deductIfEnough(userId, amount) == 0) {
            // Throwing rolls the log row above back with the local transaction.
            throw users.selectById(userId) == null
                    ? new ShopException(ErrorCode.USER_NO_EXIST, "No user " + userId)
                    : new ShopException(ErrorCode.MONEY_PAID_INVALID, "User " + userId + " has less than " + amount);
        }
        log.info("Deducted {} from the balance of user {} for order {}", amount, userId, orderId);
    }

    /** Gives back what the order was charged, once; an order that was never charged gets nothing. */
    @Transactional
    public void refund(long userId, long orderId, BigDecimal amount) {
        BigDecimal charged = users.loggedAmount(userId, orderId, MoneyLogType.PAID);
        if (charged == null) {
            return;
        }
        if (charged.compareTo(amount) != 0) {
            throw new ShopException(ErrorCode.MONEY_PAID_INVALID,
                    "Order " + orderId + " was charged " + charged + ", not " + amount);
        }
        try {
            users.insertLog(userId, orderId, MoneyLogType.REFUND, amount);
        } catch (DuplicateKeyException alreadyRefunded) {
            return;
        }
        users.credit(userId, amount);
        log.info("Refunded {} to the balance of user {} for order {}", amount, userId, orderId);
    }
}
