package com.shop.goods.rpc;

import com.shop.api.Outcome;
import com.shop.api.goods.GoodsInfo;
import com.shop.api.goods.GoodsService;
import com.shop.goods.db.GoodsRecord;
import com.shop.goods.stock.Stock;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.Outcomes;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of goods-app. Its "after" fault points fire once the local branch has committed. */
@DubboService
public class GoodsProvider implements GoodsService {

    private final Stock stock;

    public GoodsProvider(Stock stock) {
        this.stock = stock;
    }

    @Override
    public GoodsInfo findGoods(long goodsId) {
        GoodsRecord goods = stock.find(goodsId);
        return goods == null ? null
                : new GoodsInfo(goods.getGoodsId(), goods.getGoodsName(), goods.getGoodsNumber(), goods.getGoodsPrice());
    }

    @Override
    @FaultPoints(before = FaultPoint.GOODS_BEFORE_REDUCE_STOCK, after = FaultPoint.GOODS_AFTER_REDUCE_STOCK)
    public Outcome reduceStock(long orderId, long goodsId, int quantity) {
        return Outcomes.of(() -> stock.reduce(orderId, goodsId, quantity));
    }

    @Override
    @FaultPoints(after = FaultPoint.GOODS_AFTER_RESTORE_STOCK)
    public Outcome restoreStock(long orderId, long goodsId, int quantity) {
        return Outcomes.of(() -> stock.restore(orderId, goodsId, quantity));
    }
}
