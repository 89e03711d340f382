package com.shop.order.diagnostics;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;

/** Thrown by the probe when asked to fail, after every branch wrote: carries the XID it rolled back. */
class ProbeFailedOnPurpose extends ShopException {

    private final String xid;

    ProbeFailedOnPurpose(String xid) {
        super(ErrorCode.INJECTED_FAULT, "AT probe failed on purpose after all branches wrote, in " + xid);
        this.xid = xid;
    }

    String xid() {
        return xid;
    }
}
