package com.shop.api.probe;

/**
 * Proves the distributed-transaction wiring of a service without touching business data. Every
 * service provides it under a Dubbo group named after the application ({@code goods-app}, …).
 */
public interface AtProbeService {

    /** Answers who serves the call and which database it writes, with the caller's XID if it has one. */
    ProbeReply ping();

    /** Writes one {@code seata_probe} row as a branch of the caller's global transaction. */
    ProbeReply write(long probeId);
}
