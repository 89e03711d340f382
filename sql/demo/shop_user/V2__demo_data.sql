-- Ids are snowflake-sized (19 digits) like production ids, so the demo exercises real key lengths;
-- the last four digits are the short names used in the README (user 1001, goods 2003, coupon 3001).
-- Demo users: with a balance, with a small balance, with none.
INSERT INTO trade_user (user_id, user_name, user_mobile, user_score, user_reg_time, user_money) VALUES
    (1800000000000001001, 'alice', '13800000001', 0, NOW(), 1000.00),
    (1800000000000001002, 'bob',   '13800000002', 0, NOW(),   50.00),
    (1800000000000001003, 'carol', '13800000003', 0, NOW(),    0.00);
