-- shop_goods: goods and stock, owned by goods-app.
CREATE TABLE trade_goods (
    goods_id     BIGINT        NOT NULL,
    goods_name   VARCHAR(255)  NOT NULL,
    goods_number INT           NOT NULL COMMENT 'stock on hand; a conditional UPDATE keeps it >= 0',
    goods_price  DECIMAL(10,2) NOT NULL,
    goods_desc   VARCHAR(255)  NULL,
    add_time     DATETIME      NOT NULL,
    PRIMARY KEY (goods_id),
    CONSTRAINT ck_goods_number_not_negative CHECK (goods_number >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Stock movements per order: one reduction and at most one restore each (the key refuses repeats).
CREATE TABLE trade_goods_number_log (
    goods_id     BIGINT   NOT NULL,
    order_id     BIGINT   NOT NULL,
    log_type     INT      NOT NULL COMMENT '1 reduced for the order, 2 restored',
    goods_number INT      NOT NULL COMMENT 'quantity moved: negative when reduced, positive when restored',
    log_time     DATETIME NOT NULL,
    PRIMARY KEY (goods_id, order_id, log_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
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
