package com.shop.api.probe;

import java.io.Serializable;

/** What a service answers to a probe. A plain class: Dubbo's hessian2 cannot build records. */
public class ProbeReply implements Serializable {

    private static final long serialVersionUID = 1L;

    private String application;
    private String database;
    private String xid;

    public ProbeReply() {
    }

    public ProbeReply(String application, String database, String xid) {
        this.application = application;
        this.database = database;
        this.xid = xid;
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getXid() {
        return xid;
    }

    public void setXid(String xid) {
        this.xid = xid;
    }
}
