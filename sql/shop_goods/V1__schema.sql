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
