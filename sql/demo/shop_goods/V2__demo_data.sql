-- Ids are snowflake-sized (19 digits) like production ids, so the demo exercises real key lengths;
-- the last four digits are the short names used in the README (user 1001, goods 2003, coupon 3001).
-- Demo goods: prices on both sides of the 100 free-shipping line (goods amount > 100 ships free).
INSERT INTO trade_goods (goods_id, goods_name, goods_number, goods_price, goods_desc, add_time) VALUES
    (1800000000000002001, 'Mechanical keyboard',     100, 399.00, '1 unit ships free',                 NOW()),
    (1800000000000002002, 'USB-C cable',             500,   9.90, '10 units = 99.00, shipping 10.00',  NOW()),
    (1800000000000002003, 'Coffee mug',               50,  45.00, '2 units = 90.00 + 10.00; 3 ship free', NOW()),
    (1800000000000002004, 'Limited edition figure',   20, 120.00, 'scarce: 20 units',                  NOW());
