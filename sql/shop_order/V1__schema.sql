-- shop_order: orders, owned by order-app.
CREATE TABLE trade_order (
    order_id        BIGINT        NOT NULL COMMENT 'snowflake id',
    request_id      VARCHAR(64)   NOT NULL COMMENT 'client request id: a replay returns the first result',
    user_id         BIGINT        NOT NULL,
    order_status    INT           NOT NULL COMMENT '0 unconfirmed, 1 confirmed, 2 cancelled, 3 invalid, 4 refunded',
    pay_status      INT           NOT NULL COMMENT '0 unpaid, 1 paying, 2 paid',
    shipping_status INT           NOT NULL DEFAULT 0 COMMENT '0 not shipped, 1 shipped, 2 returned',
    address         VARCHAR(255)  NOT NULL,
    consignee       VARCHAR(255)  NOT NULL,
    goods_id        BIGINT        NOT NULL,
    goods_number    INT           NOT NULL,
    goods_price     DECIMAL(10,2) NOT NULL,
    goods_amount    DECIMAL(10,2) NOT NULL,
    shipping_fee    DECIMAL(10,2) NOT NULL,
    order_amount    DECIMAL(10,2) NOT NULL,
    coupon_id       BIGINT        NULL,
    coupon_paid     DECIMAL(10,2) NOT NULL DEFAULT 0.00,
    money_paid      DECIMAL(10,2) NOT NULL DEFAULT 0.00,
    pay_amount      DECIMAL(10,2) NOT NULL,
    add_time        DATETIME      NOT NULL,
    confirm_time    DATETIME      NULL,
    pay_time        DATETIME      NULL,
    xid             VARCHAR(128)  NULL COMMENT 'the global transaction that confirmed it, for operators',
    PRIMARY KEY (order_id),
    UNIQUE KEY uk_request_id (request_id),
    KEY ix_user (user_id),
    KEY ix_status_add_time (order_status, pay_status, add_time)
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
