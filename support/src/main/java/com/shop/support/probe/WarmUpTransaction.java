package com.shop.support.probe;

/** A global transaction a service runs before it is ready, so its first real one finds everything loaded. */
public interface WarmUpTransaction {

    void run(long probeId);
}
