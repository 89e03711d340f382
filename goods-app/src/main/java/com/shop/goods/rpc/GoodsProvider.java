package com.shop.goods.rpc;

import com.shop.api.Outcome;
import com.shop.api.goods.GoodsInfo;
import com.shop.api.goods.GoodsService;
import com.shop.goods.db.GoodsRecord;
import com.shop.goods.stock.Stock;
import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultPoint;
import com.shop.support.rpc.Outcomes;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of goods-app. The "after" fault point fires once the local branch has committed. */
@DubboService
public class GoodsProvider implements GoodsService {

    private final Stock stock;
    private final FaultInjector faults;

    public GoodsProvider(Stock stock, FaultInjector faults) {
        this.stock = stock;
        this.faults = faults;
    }

    @Override
    public GoodsInfo findGoods(long goodsId) {
        GoodsRecord goods = stock.find(goodsId);
        return goods == null ? null
                : new GoodsInfo(goods.getGoodsId(), goods.getGoodsName(), goods.getGoodsNumber(), goods.getGoodsPrice());
    }

    @Override
    public Outcome reduceStock(long orderId, long goodsId, int quantity) {
        faults.at(FaultPoint.GOODS_BEFORE_REDUCE_STOCK);
        Outcome outcome = Outcomes.of(() -> stock.reduce(orderId, goodsId, quantity));
        faults.at(FaultPoint.GOODS_AFTER_REDUCE_STOCK);
        return outcome;
    }

    @Override
    public Outcome restoreStock(long orderId, long goodsId, int quantity) {
        Outcome outcome = Outcomes.of(() -> stock.restore(orderId, goodsId, quantity));
        faults.at(FaultPoint.GOODS_AFTER_RESTORE_STOCK);
        return outcome;
    }
}
