-- Order timeout (docs/design.md#order-timeout). A cancel closes the order's payment for good (is_paid 3). The closed
-- row keeps open_order_id, so the unique key still refuses a second payment for the order: a cancelled order is
-- never paid. An order cancelled before anyone opened a payment gets a closed one for the same reason.
ALTER TABLE trade_pay
    MODIFY COLUMN is_paid INT NOT NULL COMMENT '1 no, 2 yes, 3 closed by a cancel',
    MODIFY COLUMN open_order_id BIGINT NULL COMMENT 'order_id: at most one payment per order, open, paid or closed',
    ADD COLUMN close_time DATETIME NULL AFTER pay_time;

-- Money the platform took for a payment a cancel had closed: the callback is acknowledged (the platform stops
-- retrying), the order stays cancelled, and the money is owed back to the buyer. One row per payment.
CREATE TABLE trade_refund_due (
    pay_id      BIGINT        NOT NULL,
    order_id    BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    pay_amount  DECIMAL(10,2) NOT NULL,
    trade_no    VARCHAR(64)   NOT NULL COMMENT 'the platform trade to refund',
    create_time DATETIME      NOT NULL,
    PRIMARY KEY (pay_id),
    KEY ix_create_time (create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
