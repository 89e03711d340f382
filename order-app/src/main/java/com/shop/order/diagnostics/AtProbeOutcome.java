package com.shop.order.diagnostics;

import com.shop.api.probe.ProbeReply;
import java.util.List;

/** What one run of the AT probe did: its global transaction, how it ended, and every branch it wrote. */
public record AtProbeOutcome(String probeId, String xid, String outcome, List<ProbeReply> branches) {
}
