package com.shop.support.mq;

import com.shop.api.Coded;

/** A consumer-log row's {@code consumer_status}: the message is being processed, was processed, or gave up. */
public enum ConsumerStatus implements Coded {
    PROCESSING(0), DONE(1), FAILED(2);

    private final int code;

    ConsumerStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
