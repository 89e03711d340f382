package com.shop.order.diagnostics;

import com.shop.api.probe.AtProbeService;
import com.shop.api.probe.ProbeReply;
import com.shop.support.probe.AtProbeProvider;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * One global transaction that writes a probe row into all five databases (order-app's own, then
 * every provider over Dubbo) — the smallest proof that Dubbo carries the XID and that every
 * database takes part in Seata AT. Asked to fail, it throws after all five wrote, and Seata must
 * undo every branch.
 */
@Component
public class GlobalTransactionProbe {

    private final AtProbeProvider local;

    @DubboReference(group = "goods-app")
    private AtProbeService goods;
    @DubboReference(group = "coupon-app")
    private AtProbeService coupon;
    @DubboReference(group = "user-app")
    private AtProbeService user;
    @DubboReference(group = "pay-app")
    private AtProbeService pay;

    public GlobalTransactionProbe(AtProbeProvider local) {
        this.local = local;
    }

    /** Calls every provider once, outside any transaction: who answers, from which database. */
    public Map<String, ProbeReply> pingAll() {
        Map<String, ProbeReply> replies = new LinkedHashMap<>();
        for (AtProbeService service : List.of(local, goods, coupon, user, pay)) {
            ProbeReply reply = service.ping();
            replies.put(reply.getApplication(), reply);
        }
        return replies;
    }

    @GlobalTransactional(name = "at-probe", timeoutMills = 30_000)
    public AtProbeOutcome writeEverywhere(long probeId, boolean failAfterWriting) {
        String xid = RootContext.getXID();
        List<ProbeReply> branches = new ArrayList<>();
        branches.add(local.write(probeId));
        branches.add(goods.write(probeId));
        branches.add(coupon.write(probeId));
        branches.add(user.write(probeId));
        branches.add(pay.write(probeId));
        if (failAfterWriting) {
            throw new ProbeFailedOnPurpose(xid);
        }
        return new AtProbeOutcome(String.valueOf(probeId), xid, "COMMITTED", branches);
    }
}
