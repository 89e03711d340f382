package com.shop.support.rpc;

import com.shop.support.tx.GlobalTransactionTimeLeft;
import java.util.OptionalLong;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * A Dubbo call made by a global transaction waits only as long as the transaction has left
 * (support's {@code GlobalTransactionDeadline}), instead of the consumer's timeout; once the time is up the call is not
 * made at all. Either way the caller gets Dubbo's timeout, which {@link ProviderUnavailable#timedOut()}
 * tells apart from a provider that was seen to die. Calls outside a global transaction keep the
 * consumer's timeout.
 */
@Activate(group = CommonConstants.CONSUMER)
public class GlobalTransactionCallTimeout implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        OptionalLong remaining = GlobalTransactionTimeLeft.millis();
        if (remaining.isPresent()) {
            if (remaining.getAsLong() == 0) {
                throw new RpcException(RpcException.TIMEOUT_EXCEPTION, "No time left in the global transaction for "
                        + invoker.getInterface().getSimpleName() + "." + invocation.getMethodName());
            }
            invocation.setObjectAttachment(CommonConstants.TIMEOUT_KEY, remaining.getAsLong());
        }
        return invoker.invoke(invocation);
    }
}
