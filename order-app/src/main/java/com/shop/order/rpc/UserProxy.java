package com.shop.order.rpc;

import com.shop.api.user.UserInfo;
import com.shop.api.user.UserService;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** user-app as order-app sees it: refusals come back as exceptions carrying their error code. */
@Component
public class UserProxy {

    @DubboReference
    private UserService users;

    public UserInfo find(long userId) {
        return users.findUser(userId);
    }

    public void deductBalance(long userId, long orderId, BigDecimal amount) {
        users.deductBalance(userId, orderId, amount).orThrow();
    }

    public void refundBalance(long userId, long orderId, BigDecimal amount) {
        users.refundBalance(userId, orderId, amount).orThrow();
    }
}
