package com.shop.order.web;

import static com.shop.api.error.ErrorCode.CHECKOUT_BUSY;
import static com.shop.api.error.ErrorCode.CHECKOUT_OVERLOADED;
import static com.shop.api.error.ErrorCode.COORDINATOR_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.COUPON_ISUSED;
import static com.shop.api.error.ErrorCode.COUPON_NOT_OWNED;
import static com.shop.api.error.ErrorCode.COUPON_NO_EXIST;
import static com.shop.api.error.ErrorCode.DOWNSTREAM_UNAVAILABLE;
import static com.shop.api.error.ErrorCode.GOODS_NO_EXIST;
import static com.shop.api.error.ErrorCode.GOODS_NUM_NOT_ENOUGH;
import static com.shop.api.error.ErrorCode.GOODS_PRICE_INVALID;
import static com.shop.api.error.ErrorCode.INJECTED_FAULT;
import static com.shop.api.error.ErrorCode.MONEY_PAID_INVALID;
import static com.shop.api.error.ErrorCode.MONEY_PAID_LESS_ZERO;
import static com.shop.api.error.ErrorCode.ORDERAMOUNT_INVALID;
import static com.shop.api.error.ErrorCode.ORDER_NOT_FOUND;
import static com.shop.api.error.ErrorCode.ORDER_SHIPPINGFEE_INVALID;
import static com.shop.api.error.ErrorCode.REQUEST_IN_PROGRESS;
import static com.shop.api.error.ErrorCode.REQUEST_PARAMETER_INVALID;
import static com.shop.api.error.ErrorCode.REQUEST_TOO_LARGE;
import static com.shop.api.error.ErrorCode.TRANSACTION_TIMEOUT;
import static com.shop.api.error.ErrorCode.USER_NO_EXIST;

import com.shop.api.error.ShopException;
import com.shop.order.checkout.Checkout;
import com.shop.order.checkout.Orders;
import com.shop.order.db.OrderRecord;
import com.shop.support.web.ErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Orders", description = "Checkout and reading an order back (docs/design.md#checkout)")
public class OrderController {

    private final Checkout checkout;
    private final Orders orders;

    public OrderController(Checkout checkout, Orders orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    @Operation(summary = "Place an order: the checks, then stock, coupon and balance in one global transaction")
    @ApiResponse(responseCode = "201", description = "The order; a replayed requestId answers the first request's order",
            headers = @Header(name = "Idempotent-Replayed", description = "true on a replay"))
    @ErrorResponses({REQUEST_PARAMETER_INVALID, REQUEST_TOO_LARGE, GOODS_NO_EXIST, USER_NO_EXIST, COUPON_NO_EXIST,
            COUPON_NOT_OWNED, ORDER_SHIPPINGFEE_INVALID, ORDERAMOUNT_INVALID, MONEY_PAID_LESS_ZERO, GOODS_PRICE_INVALID,
            GOODS_NUM_NOT_ENOUGH, COUPON_ISUSED, MONEY_PAID_INVALID, REQUEST_IN_PROGRESS, CHECKOUT_BUSY, INJECTED_FAULT, DOWNSTREAM_UNAVAILABLE,
            COORDINATOR_UNAVAILABLE, CHECKOUT_OVERLOADED, TRANSACTION_TIMEOUT})
    @PostMapping
    public ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
        Checkout.Placed placed = checkout.place(request.toCommand());
        return ResponseEntity.status(201)
                .header("Idempotent-Replayed", String.valueOf(placed.replayed()))
                .body(OrderView.of(placed.order()));
    }

    @Operation(summary = "Read an order")
    @ErrorResponses({REQUEST_PARAMETER_INVALID, ORDER_NOT_FOUND})
    @GetMapping("/{orderId}")
    public OrderView find(@PathVariable long orderId) {
        OrderRecord order = orders.find(orderId);
        if (order == null) {
            throw new ShopException(ORDER_NOT_FOUND, "No order " + orderId);
        }
        return OrderView.of(order);
    }
}
