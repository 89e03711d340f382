package com.shop.user.points;

import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.tx.LocalWrites;
import com.shop.user.db.UserMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Points for what a user paid: one per whole yuan, in {@code user_score}. */
@Service
public class Points {

    private static final Logger log = LoggerFactory.getLogger(Points.class);

    private final UserMapper users;

    public Points(UserMapper users) {
        this.users = users;
    }

    /** Whole yuan of the amount, rounded down: 99.99 earns 99. */
    public static int earnedFor(BigDecimal payAmount) {
        return payAmount.signum() <= 0 ? 0 : payAmount.setScale(0, RoundingMode.DOWN).intValueExact();
    }

    /**
     * Adds the points of a payment. Checkouts write the same row (the balance) in global transactions,
     * so the row is read FOR UPDATE under the global-lock check first ({@link LocalWrites}).
     */
    @FaultPoints(before = FaultPoint.USER_BEFORE_GRANT_POINTS)
    public void grant(long userId, BigDecimal payAmount) {
        if (users.lockRow(userId) == null) {
            throw new IllegalStateException("Points for user " + userId + ", who does not exist");
        }
        int points = earnedFor(payAmount);
        LocalWrites.unchecked(() -> users.addScore(userId, points)); // the row is ours: locked and checked above
        log.info("Granted {} points to user {}", points, userId);
    }
}
