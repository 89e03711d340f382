-- Widen the TC's lock and branch columns so that lock keys of real data fit.
--
-- The TC stores one lock_table row per locked row: row_key = resource_id ^^^ table_name ^^^ pk, where
-- resource_id is the service's JDBC URL up to '?' and pk joins a composite primary key with '_'.
-- Seata ships pk VARCHAR(36), row_key VARCHAR(128), table_name VARCHAR(32), resource_id VARCHAR(256)
-- and says to widen them to taste (upstream issues 6216, 2162, 5196). With snowflake ids the stock
-- log's key (goods_id, order_id, log_type) is up to 19+1+19+1+1 = 41 characters, so every checkout
-- that reduced stock was refused ("Data too long for column 'pk'"); a production host name makes
-- row_key overflow even for one-column keys.
--
-- Sizes, for the worst case we accept:
--   resource_id  512 = "jdbc:mysql://" + a 253-character DNS name + ":65535/" + a 64-character
--                      database name (340), with room for a second host of a fail-over URL
--   table_name    64 = MySQL's longest identifier
--   pk           256 = five 19-digit ids (or UUIDs) joined with '_', and more
--   row_key      768 = the longest InnoDB index key in utf8mb4 (3072 bytes); 512 + 64 + 256 + 6
--                      would be longer, but no real key gets near both limits at once and a key
--                      that does not fit is refused, never truncated (the databases run in strict
--                      mode: see docs/design-notes.md, "Lock keys")
ALTER TABLE `lock_table`
    MODIFY `row_key`     VARCHAR(768) NOT NULL,
    MODIFY `resource_id` VARCHAR(512),
    MODIFY `table_name`  VARCHAR(64),
    MODIFY `pk`          VARCHAR(256);

ALTER TABLE `branch_table`
    MODIFY `resource_id` VARCHAR(512);
