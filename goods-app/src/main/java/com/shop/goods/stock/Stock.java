package com.shop.goods.stock;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.goods.db.GoodsMapper;
import com.shop.goods.db.GoodsRecord;
import com.shop.goods.db.StockLogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock on hand, moved only per order and always with a stock-log row ({@link StockLogType}). */
@Service
public class Stock {

    private static final Logger log = LoggerFactory.getLogger(Stock.class);

    private final GoodsMapper goods;

    public Stock(GoodsMapper goods) {
        this.goods = goods;
    }

    public GoodsRecord find(long goodsId) {
        return goods.selectById(goodsId);
    }

    @Transactional
    public void reduce(long orderId, long goodsId, int quantity) {
        if (quantity <= 0) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, "quantity must be > 0");
        }
        if (goods.reduceIfEnough(goodsId, quantity) == 0) {
            throw goods.selectById(goodsId) == null
                    ? new ShopException(ErrorCode.GOODS_NO_EXIST, "No goods " + goodsId)
                    : new ShopException(ErrorCode.GOODS_NUM_NOT_ENOUGH, "Not enough stock of goods " + goodsId);
        }
        try {
            goods.insertLog(goodsId, orderId, StockLogType.REDUCED, -quantity);
        } catch (DuplicateKeyException e) {
            // Throwing rolls the reduction above back with the local transaction.
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                    "Stock of goods " + goodsId + " was already reduced for order " + orderId);
        }
        log.info("Reduced stock of goods {} by {} for order {}", goodsId, quantity, orderId);
    }

    /** Puts back what the order took; a second restore, or one for an order that took nothing, changes nothing. */
    @Transactional
    public void restore(long orderId, long goodsId, int quantity) {
        if (goods.countLogs(goodsId, orderId, StockLogType.REDUCED) == 0) {
            return;
        }
        try {
            goods.insertLog(goodsId, orderId, StockLogType.RESTORED, quantity);
        } catch (DuplicateKeyException alreadyRestored) {
            return;
        }
        goods.restore(goodsId, quantity);
        log.info("Restored stock of goods {} by {} for order {}", goodsId, quantity, orderId);
    }
}
