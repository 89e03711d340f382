-- A payment knows whose it is (the pay-success event carries the user, for points), and "open_order_id"
-- now names the order's live payment: set while it is open or paid, cleared only when it is closed.
-- The unique key then refuses both a second open payment and a payment beside a paid one.
ALTER TABLE trade_pay
    ADD COLUMN user_id BIGINT NOT NULL AFTER order_id,
    MODIFY COLUMN open_order_id BIGINT NULL COMMENT 'order_id while the payment is open or paid, NULL once closed: one live payment per order';

-- The outbox relay's bookkeeping: a row that could not be sent waits until next_attempt_time (back-off),
-- and says why; operators see it through /actuator/outbox.
ALTER TABLE trade_mq_producer_temp
    ADD COLUMN attempts          INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_time DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN last_error        VARCHAR(500) NULL,
    ADD KEY ix_next_attempt (next_attempt_time);
