package com.shop.support.rpc;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.Causes;
import java.util.function.Supplier;
import org.apache.dubbo.rpc.RpcException;

/**
 * Another service died or stopped answering: what Dubbo's {@link RpcException} means to the flows, which
 * never see Dubbo itself. The rpc proxies make every call through {@link #call} or {@link #run}. Answered
 * {@code 503 DOWNSTREAM_UNAVAILABLE}; inside a global transaction it fails it, and the TC rolls back.
 */
public class ProviderUnavailable extends ShopException {

    private final boolean timedOut;

    public ProviderUnavailable(RpcException cause) {
        super(ErrorCode.DOWNSTREAM_UNAVAILABLE, ErrorCode.DOWNSTREAM_UNAVAILABLE.defaultMessage(), cause);
        this.timedOut = cause.isTimeout();
    }

    /**
     * The provider did not answer in the time the call had, rather than being seen to go away (a refused
     * connection, a connection that dropped). Inside a global transaction that time is what the
     * transaction had left ({@link GlobalTransactionCallTimeout}).
     */
    public boolean timedOut() {
        return timedOut;
    }

    /** The remote call's answer; a call Dubbo could not complete comes out as {@code ProviderUnavailable}. */
    public static <T> T call(Supplier<T> remote) {
        try {
            return remote.get();
        } catch (RuntimeException failure) {
            RpcException unreachable = Causes.find(failure, RpcException.class);
            throw unreachable == null ? failure : new ProviderUnavailable(unreachable);
        }
    }

    public static void run(Runnable remote) {
        call(() -> {
            remote.run();
            return null;
        });
    }
}
