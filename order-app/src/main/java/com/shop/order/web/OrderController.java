package com.shop.order.web;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.order.checkout.Checkout;
import com.shop.order.checkout.Orders;
import com.shop.order.db.OrderRecord;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final Checkout checkout;
    private final Orders orders;

    public OrderController(Checkout checkout, Orders orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    /** 201 with the order; a replayed requestId answers the same order, marked Idempotent-Replayed. */
    @PostMapping
    public ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
        Checkout.Placed placed = checkout.place(request.toCommand());
        return ResponseEntity.status(201)
                .header("Idempotent-Replayed", String.valueOf(placed.replayed()))
                .body(OrderView.of(placed.order()));
    }

    @GetMapping("/{orderId}")
    public OrderView find(@PathVariable long orderId) {
        OrderRecord order = orders.find(orderId);
        if (order == null) {
            throw new ShopException(ErrorCode.ORDER_NOT_FOUND, "No order " + orderId);
        }
        return OrderView.of(order);
    }
}
