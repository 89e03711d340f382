package com.shop.order.rpc;

import static com.shop.support.rpc.ProviderUnavailable.call;
import static com.shop.support.rpc.ProviderUnavailable.run;

import com.shop.api.user.UserInfo;
import com.shop.api.user.UserService;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.ProviderUnavailable;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * user-app as order-app sees it: refusals come back as exceptions carrying their error code, and a call
 * Dubbo could not complete as {@link ProviderUnavailable}.
 */
@Component
public class UserProxy {

    @DubboReference
    private UserService users;

    public UserInfo find(long userId) {
        return call(() -> users.findUser(userId));
    }

    @FaultPoints(after = FaultPoint.ORDER_AFTER_BALANCE)
    public void deductBalance(long userId, long orderId, BigDecimal amount) {
        run(() -> users.deductBalance(userId, orderId, amount).orThrow());
    }

    @FaultPoints(after = FaultPoint.ORDER_CANCEL_AFTER_REFUND)
    public void refundBalance(long userId, long orderId, BigDecimal amount) {
        run(() -> users.refundBalance(userId, orderId, amount).orThrow());
    }
}
