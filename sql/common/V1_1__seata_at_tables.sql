-- Applied to every service database (shop_order, shop_goods, shop_coupon, shop_user, shop_pay)
-- after its own V1 schema: what each database needs to take part in Seata AT global transactions.

-- Seata AT: the before/after images of every branch, read by the TC-driven rollback.
CREATE TABLE undo_log (
    branch_id     BIGINT       NOT NULL COMMENT 'branch transaction id',
    xid           VARCHAR(128) NOT NULL COMMENT 'global transaction id',
    context       VARCHAR(128) NOT NULL COMMENT 'undo_log context, such as serialization',
    rollback_info LONGBLOB     NOT NULL COMMENT 'rollback info',
    log_status    INT          NOT NULL COMMENT '0 normal, 1 defense (global rollback won the race)',
    log_created   DATETIME(6)  NOT NULL,
    log_modified  DATETIME(6)  NOT NULL,
    PRIMARY KEY (branch_id, xid),
    UNIQUE KEY ux_undo_log (xid, branch_id),
    KEY ix_log_created (log_created)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'Seata AT undo log';

-- One row per AT probe: proves this database takes part in global transactions (see docs/operations.md).
CREATE TABLE seata_probe (
    probe_id    BIGINT      NOT NULL,
    xid         VARCHAR(128) NOT NULL,
    created_at  DATETIME    NOT NULL,
    PRIMARY KEY (probe_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'AT wiring probe rows';
