package com.shop.user.rpc;

import com.shop.api.Outcome;
import com.shop.api.user.UserInfo;
import com.shop.api.user.UserService;
import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultPoint;
import com.shop.support.rpc.Outcomes;
import com.shop.user.balance.Balance;
import com.shop.user.db.UserRecord;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of user-app. The "after" fault point fires once the local branch has committed. */
@DubboService
public class UserProvider implements UserService {

    private final Balance balance;
    private final FaultInjector faults;

    public UserProvider(Balance balance, FaultInjector faults) {
        this.balance = balance;
        this.faults = faults;
    }

    @Override
    public UserInfo findUser(long userId) {
        UserRecord user = balance.find(userId);
        return user == null ? null
                : new UserInfo(user.getUserId(), user.getUserName(), user.getUserMoney(), user.getUserScore());
    }

    @Override
    public Outcome deductBalance(long userId, long orderId, BigDecimal amount) {
        faults.at(FaultPoint.USER_BEFORE_DEDUCT);
        Outcome outcome = Outcomes.of(() -> balance.deduct(userId, orderId, amount));
        faults.at(FaultPoint.USER_AFTER_DEDUCT);
        return outcome;
    }

    @Override
    public Outcome refundBalance(long userId, long orderId, BigDecimal amount) {
        Outcome outcome = Outcomes.of(() -> balance.refund(userId, orderId, amount));
        faults.at(FaultPoint.USER_AFTER_REFUND);
        return outcome;
    }
}
