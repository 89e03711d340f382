package com.shop.support.fault;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.web.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/faults}: GET shows whether injection is on, this service's points and what is
 * armed; POST {@code {"point":"goods.after-reduce-stock","action":"THROW|DELAY|HALT","delayMillis":0,"times":1}}
 * arms one; DELETE disarms all.
 */
@Endpoint(id = "faults")
public class FaultsEndpoint {

    private final FaultInjector faults;

    public FaultsEndpoint(FaultInjector faults) {
        this.faults = faults;
    }

    @ReadOperation
    public Map<String, Object> show() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", faults.isEnabled());
        state.put("points", faults.points().stream().map(FaultPoint::id).toList());
        state.put("armed", faults.armed());
        return state;
    }

    @WriteOperation
    public WebEndpointResponse<Object> arm(String point, String action, @Nullable Long delayMillis,
                                           @Nullable Integer times) {
        try {
            FaultPoint where = FaultPoint.byId(point).orElseThrow(() -> new ShopException(
                    ErrorCode.REQUEST_PARAMETER_INVALID, "Unknown fault point " + point + "; known: " + faults.points()));
            FaultAction what;
            try {
                what = FaultAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, "action must be THROW, DELAY or HALT");
            }
            faults.arm(where, what, delayMillis == null ? 0 : delayMillis, times == null ? 1 : times);
            return new WebEndpointResponse<>(show(), 200);
        } catch (ShopException e) {
            return new WebEndpointResponse<>(new ApiError(e.code().name(), e.getMessage()), e.code().httpStatus());
        }
    }

    @DeleteOperation
    public Map<String, Object> disarmAll() {
        faults.disarmAll();
        return show();
    }
}
