package com.shop.order.web;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.order.db.OrderMapper;
import com.shop.order.db.OrderRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderMapper orders;

    public OrderController(OrderMapper orders) {
        this.orders = orders;
    }

    @GetMapping("/{orderId}")
    public OrderView find(@PathVariable long orderId) {
        OrderRecord order = orders.selectById(orderId);
        if (order == null) {
            throw new ShopException(ErrorCode.ORDER_NOT_FOUND, "No order " + orderId);
        }
        return OrderView.of(order, null);
    }
}
