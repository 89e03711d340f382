package com.shop.order.rpc;

import com.shop.api.goods.GoodsInfo;
import com.shop.api.goods.GoodsService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** goods-app as order-app sees it: refusals come back as exceptions carrying their error code. */
@Component
public class GoodsProxy {

    @DubboReference
    private GoodsService goods;

    public GoodsInfo find(long goodsId) {
        return goods.findGoods(goodsId);
    }

    public void reduceStock(long orderId, long goodsId, int quantity) {
        goods.reduceStock(orderId, goodsId, quantity).orThrow();
    }

    public void restoreStock(long orderId, long goodsId, int quantity) {
        goods.restoreStock(orderId, goodsId, quantity).orThrow();
    }
}
