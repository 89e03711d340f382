package com.shop.api.goods;

import java.io.Serializable;
import java.math.BigDecimal;

public class GoodsInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private long goodsId;
    private String goodsName;
    private int goodsNumber;
    private BigDecimal goodsPrice;

    public GoodsInfo() {
    }

    public GoodsInfo(long goodsId, String goodsName, int goodsNumber, BigDecimal goodsPrice) {
        this.goodsId = goodsId;
        this.goodsName = goodsName;
        this.goodsNumber = goodsNumber;
        this.goodsPrice = goodsPrice;
    }

    public long getGoodsId() { return goodsId; }
    public void setGoodsId(long goodsId) { this.goodsId = goodsId; }
    public String getGoodsName() { return goodsName; }
    public void setGoodsName(String goodsName) { this.goodsName = goodsName; }
    public int getGoodsNumber() { return goodsNumber; }
    public void setGoodsNumber(int goodsNumber) { this.goodsNumber = goodsNumber; }
    public BigDecimal getGoodsPrice() { return goodsPrice; }
    public void setGoodsPrice(BigDecimal goodsPrice) { this.goodsPrice = goodsPrice; }
}
