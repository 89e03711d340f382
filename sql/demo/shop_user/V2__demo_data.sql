-- Demo users: with a balance, with a small balance, with none.
INSERT INTO trade_user (user_id, user_name, user_mobile, user_score, user_reg_time, user_money) VALUES
    (1001, 'alice', '13800000001', 0, NOW(), 1000.00),
    (1002, 'bob',   '13800000002', 0, NOW(),   50.00),
    (1003, 'carol', '13800000003', 0, NOW(),    0.00);
