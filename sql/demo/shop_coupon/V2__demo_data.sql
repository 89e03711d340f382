-- Demo coupons, all unused: alice has two, bob one, carol none.
INSERT INTO trade_coupon (coupon_id, coupon_price, user_id, order_id, is_used, used_time) VALUES
    (3001, 20.00, 1001, NULL, 0, NULL),
    (3002,  5.00, 1001, NULL, 0, NULL),
    (3003, 10.00, 1002, NULL, 0, NULL);
