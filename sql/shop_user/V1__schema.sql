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
