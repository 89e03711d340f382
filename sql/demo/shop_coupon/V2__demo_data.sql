-- Ids are snowflake-sized (19 digits) like production ids, so the demo exercises real key lengths;
-- the last four digits are the short names used in the README (user 1001, goods 2003, coupon 3001).
-- Demo coupons, all unused: alice has two, bob one, carol none.
INSERT INTO trade_coupon (coupon_id, coupon_price, user_id, order_id, is_used, used_time) VALUES
    (1800000000000003001, 20.00, 1800000000000001001, NULL, 0, NULL),
    (1800000000000003002,  5.00, 1800000000000001001, NULL, 0, NULL),
    (1800000000000003003, 10.00, 1800000000000001002, NULL, 0, NULL);
