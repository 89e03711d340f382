package com.shop.support.probe;

import org.apache.seata.spring.annotation.GlobalTransactional;

/** The smallest global transaction a service can run alone: one probe row in its own database. */
public class LocalWarmUpTransaction implements WarmUpTransaction {

    private final AtProbeProvider probe;

    public LocalWarmUpTransaction(AtProbeProvider probe) {
        this.probe = probe;
    }

    @Override
    @GlobalTransactional(name = "warm-up", timeoutMills = 30_000)
    public void run(long probeId) {
        probe.write(probeId);
    }
}
