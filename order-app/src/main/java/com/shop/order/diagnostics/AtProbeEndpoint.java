package com.shop.order.diagnostics;

import com.shop.api.probe.ProbeReply;
import com.shop.support.Causes;
import com.shop.support.id.IdGenerator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/atprobe}: GET pings every provider over Dubbo; POST runs the global-transaction
 * probe ({@code {"fail": true}} to see it roll back). Writes only {@code seata_probe} rows.
 */
@Component
@Endpoint(id = "atprobe")
public class AtProbeEndpoint {

    private final GlobalTransactionProbe probe;
    private final IdGenerator ids;

    public AtProbeEndpoint(GlobalTransactionProbe probe, IdGenerator ids) {
        this.probe = probe;
        this.ids = ids;
    }

    @ReadOperation
    public Map<String, ProbeReply> ping() {
        return probe.pingAll();
    }

    @WriteOperation
    public AtProbeOutcome run(@Nullable Boolean fail) {
        long probeId = ids.nextId();
        try {
            return probe.writeEverywhere(probeId, Boolean.TRUE.equals(fail));
        } catch (RuntimeException e) {
            ProbeFailedOnPurpose failed = Causes.find(e, ProbeFailedOnPurpose.class);
            if (failed == null) {
                throw e;
            }
            return new AtProbeOutcome(String.valueOf(probeId), failed.xid(), "ROLLED_BACK", List.of());
        }
    }
}
