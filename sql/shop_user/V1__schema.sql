-- shop_user: users, balances and points, owned by user-app.
CREATE TABLE trade_user (
    user_id       BIGINT        NOT NULL,
    user_name     VARCHAR(255)  NOT NULL,
    user_password VARCHAR(255)  NULL COMMENT 'not used by checkout; kept for the source layout',
    user_mobile   VARCHAR(32)   NULL,
    user_score    INT           NOT NULL DEFAULT 0 COMMENT 'points: one per whole yuan paid',
    user_reg_time DATETIME      NOT NULL,
    user_money    DECIMAL(10,2) NOT NULL DEFAULT 0.00 COMMENT 'balance',
    PRIMARY KEY (user_id),
    CONSTRAINT ck_user_money_not_negative CHECK (user_money >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Balance movements: type 1 paid for an order, 2 refunded. One of each per order at most.
CREATE TABLE trade_user_money_log (
    user_id        BIGINT        NOT NULL,
    order_id       BIGINT        NOT NULL,
    money_log_type INT           NOT NULL COMMENT '1 paid, 2 refund',
    use_money      DECIMAL(10,2) NOT NULL,
    create_time    DATETIME      NOT NULL,
    PRIMARY KEY (user_id, order_id, money_log_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Idempotent consumers: one row per (consumer group, message key); the unique key is the guard.
CREATE TABLE trade_mq_consumer_log (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    group_name         VARCHAR(100) NOT NULL,
    msg_key            VARCHAR(100) NOT NULL,
    msg_id             VARCHAR(64)  NULL,
    msg_tag            VARCHAR(100) NULL,
    msg_body           VARCHAR(2000) NULL,
    consumer_status    INT          NOT NULL COMMENT '0 processing, 1 done, 2 failed',
    consumer_times     INT          NOT NULL DEFAULT 0,
    consumer_timestamp DATETIME     NULL,
    remark             VARCHAR(500) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_group_key (group_name, msg_key)
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
