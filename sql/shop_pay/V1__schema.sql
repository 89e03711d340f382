-- shop_pay: payments, the outbox and the pay log, owned by pay-app.
CREATE TABLE trade_pay (
    pay_id     BIGINT        NOT NULL,
    order_id   BIGINT        NOT NULL,
    pay_amount DECIMAL(10,2) NOT NULL,
    is_paid    INT           NOT NULL COMMENT '1 no, 2 yes',
    open_order_id BIGINT     NULL COMMENT 'order_id while the payment is open, else NULL: at most one open payment per order',
    trade_no   VARCHAR(64)   NULL COMMENT 'the payment platform trade number, once paid',
    create_time DATETIME     NOT NULL,
    pay_time   DATETIME      NULL,
    PRIMARY KEY (pay_id),
    UNIQUE KEY uk_open_order (open_order_id),
    KEY ix_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Outbox: written in the callback's local transaction, deleted once the broker acknowledged.
CREATE TABLE trade_mq_producer_temp (
    id          VARCHAR(100)  NOT NULL,
    group_name  VARCHAR(100)  NOT NULL,
    msg_topic   VARCHAR(100)  NOT NULL,
    msg_tag     VARCHAR(100)  NULL,
    msg_key     VARCHAR(100)  NOT NULL,
    msg_body    VARCHAR(2000) NOT NULL,
    msg_status  INT           NOT NULL DEFAULT 0 COMMENT '0 pending, 1 sent',
    create_time DATETIME      NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Pay log: one row per successful payment, written by the pay-success consumer.
CREATE TABLE trade_pay_log (
    pay_id     BIGINT        NOT NULL,
    order_id   BIGINT        NOT NULL,
    pay_amount DECIMAL(10,2) NOT NULL,
    trade_no   VARCHAR(64)   NULL,
    log_time   DATETIME      NOT NULL,
    PRIMARY KEY (pay_id)
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
