package com.shop.support.probe;

import com.shop.api.probe.AtProbeService;
import com.shop.api.probe.ProbeReply;
import org.apache.seata.core.context.RootContext;
import org.apache.dubbo.config.annotation.DubboService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every service's answer to the AT probe. The insert goes through the Seata-proxied datasource,
 * so inside a global transaction it becomes a branch with its own undo_log row.
 */
@DubboService(group = "${spring.application.name}")
public class AtProbeProvider implements AtProbeService {

    private final JdbcTemplate jdbc;
    private final String application;

    public AtProbeProvider(JdbcTemplate jdbc, @Value("${spring.application.name}") String application) {
        this.jdbc = jdbc;
        this.application = application;
    }

    @Override
    public ProbeReply ping() {
        return new ProbeReply(application, database(), RootContext.getXID());
    }

    @Override
    public ProbeReply write(long probeId) {
        String xid = RootContext.getXID();
        jdbc.update("INSERT INTO seata_probe (probe_id, xid, created_at) VALUES (?, ?, NOW())",
                probeId, xid == null ? "" : xid);
        return new ProbeReply(application, database(), xid);
    }

    private String database() {
        return jdbc.queryForObject("SELECT DATABASE()", String.class);
    }
}
