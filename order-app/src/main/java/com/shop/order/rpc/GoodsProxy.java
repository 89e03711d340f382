package com.shop.order.rpc;

import static com.shop.support.rpc.ProviderUnavailable.call;
import static com.shop.support.rpc.ProviderUnavailable.run;

import com.shop.api.goods.GoodsInfo;
import com.shop.api.goods.GoodsService;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.ProviderUnavailable;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * goods-app as order-app sees it: refusals come back as exceptions carrying their error code, and a call
 * Dubbo could not complete as {@link ProviderUnavailable}.
 */
@Component
public class GoodsProxy {

    @DubboReference
    private GoodsService goods;

    public GoodsInfo find(long goodsId) {
        return call(() -> goods.findGoods(goodsId));
    }

    @FaultPoints(after = FaultPoint.ORDER_AFTER_STOCK)
    public void reduceStock(long orderId, long goodsId, int quantity) {
        run(() -> goods.reduceStock(orderId, goodsId, quantity).orThrow());
    }

    @FaultPoints(after = FaultPoint.ORDER_CANCEL_AFTER_STOCK)
    public void restoreStock(long orderId, long goodsId, int quantity) {
        run(() -> goods.restoreStock(orderId, goodsId, quantity).orThrow());
    }
}
