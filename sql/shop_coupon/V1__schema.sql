-- shop_coupon: coupons, owned by coupon-app.
CREATE TABLE trade_coupon (
    coupon_id    BIGINT        NOT NULL,
    coupon_price DECIMAL(10,2) NOT NULL,
    user_id      BIGINT        NOT NULL,
    order_id     BIGINT        NULL COMMENT 'the order holding the coupon while is_used = 1',
    is_used      INT           NOT NULL DEFAULT 0 COMMENT '0 unused, 1 used',
    used_time    DATETIME      NULL,
    PRIMARY KEY (coupon_id),
    KEY ix_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
