-- Order timeout (docs/design.md#order-timeout): the moment a confirmed order left to pay is cancelled.
-- Set with the confirm, from shop.order.payment-timeout as it was then; the timeout message is due at it, and
-- the sweep finds orders whose message was lost by it. cancel_time records when a cancel committed.
ALTER TABLE trade_order
    ADD COLUMN pay_deadline DATETIME NULL COMMENT 'confirmed and left to pay: cancelled if still unpaid at this time' AFTER confirm_time,
    ADD COLUMN cancel_time  DATETIME NULL AFTER pay_time,
    ADD KEY ix_overdue (order_status, pay_status, pay_deadline);
