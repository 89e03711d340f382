package com.shop.user.rpc;

import com.shop.api.Outcome;
import com.shop.api.user.UserInfo;
import com.shop.api.user.UserService;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.Outcomes;
import com.shop.user.balance.Balance;
import com.shop.user.db.UserRecord;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of user-app. The "after" fault point fires once the local branch has committed. */
@DubboService
public class UserProvider implements UserService {

    private final Balance balance;

    public UserProvider(Balance balance) {
        this.balance = balance;
    }

    @Override
    public UserInfo findUser(long userId) {
        UserRecord user = balance.find(userId);
        return user == null ? null
                : new UserInfo(user.getUserId(), user.getUserName(), user.getUserMoney(), user.getUserScore());
    }

    @Override
    @FaultPoints(before = FaultPoint.USER_BEFORE_DEDUCT, after = FaultPoint.USER_AFTER_DEDUCT)
    public Outcome deductBalance(long userId, long orderId, BigDecimal amount) {
        return Outcomes.of(() -> balance.deduct(userId, orderId, amount));
    }

    @Override
    @FaultPoints(after = FaultPoint.USER_AFTER_REFUND)
    public Outcome refundBalance(long userId, long orderId, BigDecimal amount) {
        return Outcomes.of(() -> balance.refund(userId, orderId, amount));
    }
}
