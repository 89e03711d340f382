package com.shop.order.diagnostics;

import com.shop.api.probe.ProbeReply;
import com.shop.api.error.ErrorCode;
import com.shop.support.Causes;
import com.shop.support.id.IdGenerator;
import com.shop.support.web.ApiError;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/atprobe}: GET pings every provider over Dubbo; POST runs the global-transaction
 * probe ({@code {"fail": true}} to see it roll back). Writes only {@code seata_probe} rows, but in
 * all five databases, so the POST answers {@code 403 AT_PROBE_DISABLED} unless
 * {@code shop.atprobe.enabled=true} (the local launcher and the tests; never production).
 */
@Component
@Endpoint(id = "atprobe")
public class AtProbeEndpoint {

    private final GlobalTransactionProbe probe;
    private final IdGenerator ids;
    private final boolean writeEnabled;

    public AtProbeEndpoint(GlobalTransactionProbe probe, IdGenerator ids,
                           @Value("${shop.atprobe.enabled:false}") boolean writeEnabled) {
        this.probe = probe;
        this.ids = ids;
        this.writeEnabled = writeEnabled;
    }

    @ReadOperation
    public Map<String, ProbeReply> ping() {
        return probe.pingAll();
    }

    @WriteOperation
    public WebEndpointResponse<Object> run(@Nullable Boolean fail) {
        if (!writeEnabled) {
            ErrorCode refused = ErrorCode.AT_PROBE_DISABLED;
            return new WebEndpointResponse<>(new ApiError(refused.name(),
                    "The AT probe writes to every database; start order-app with shop.atprobe.enabled=true to use it"),
                    refused.httpStatus());
        }
        long probeId = ids.nextId();
        try {
            return new WebEndpointResponse<>(probe.writeEverywhere(probeId, Boolean.TRUE.equals(fail)), 200);
        } catch (RuntimeException e) {
            ProbeFailedOnPurpose failed = Causes.find(e, ProbeFailedOnPurpose.class);
            if (failed == null) {
                throw e;
            }
            return new WebEndpointResponse<>(
                    new AtProbeOutcome(String.valueOf(probeId), failed.xid(), "ROLLED_BACK", List.of()), 200);
        }
    }
}
