package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad checkout is a 4xx with its own code, and writes nothing anywhere. */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private final Shop shop;
    private long user;
    private long otherUser;
    private long goods;
    private long coupon;
    private long othersCoupon;
    private long usedCoupon;

    BadInputTest(Shop shop) {
        this.shop = shop;
    }

    @BeforeAll
    void fixtures() {
        user = shop.newUser("100.00");
        otherUser = shop.newUser("0.00");
        goods = shop.newGoods(5, "30.00");
        coupon = shop.newCoupon(user, "10.00");
        othersCoupon = shop.newCoupon(otherUser, "10.00");
        usedCoupon = shop.newCoupon(user, "5.00");
        // A coupon is used only by a live order: use it for real.
        Http.Response used = shop.placeOrder(valid().put("couponId", String.valueOf(usedCoupon)));
        assertThat(used.status()).as(used.body()).isEqualTo(201);
        // Phase two deletes undo_log rows asynchronously: let it finish before checksums are compared.
        shop.invariants().awaitHold(java.time.Duration.ofSeconds(30));
    }

    /** 2 units of 30.00 = 60.00 + 10.00 shipping = 70.00. */
    private ObjectNode valid() {
        return shop.validOrder(user, goods, 2, "30.00");
    }

    Stream<Arguments> badCheckouts() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        Function<Function<ObjectNode, ObjectNode>, String> tweak = f -> f.apply(valid()).toString();
        cases.put("malformed JSON", new Object[] {"{\"requestId\": \"x\", ", 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("empty body", new Object[] {"", 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("a JSON array", new Object[] {"[]", 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("JSON null", new Object[] {"null", 400, "REQUEST_PARAMETER_INVALID"});
        for (String field : new String[] {"requestId", "userId", "goodsId", "goodsNumber", "goodsPrice", "shippingFee",
                "orderAmount", "address", "consignee"}) {
            cases.put("missing " + field, new Object[] {tweak.apply(o -> (ObjectNode) o.without(field)), 400,
                    "REQUEST_PARAMETER_INVALID"});
        }
        cases.put("an unknown extra field", new Object[] {tweak.apply(o -> o.put("discount", "5.00")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("zero quantity", new Object[] {tweak.apply(o -> o.put("goodsNumber", 0)), 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("negative quantity", new Object[] {tweak.apply(o -> o.put("goodsNumber", -1)), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("huge quantity", new Object[] {tweak.apply(o -> o.put("goodsNumber", 1_000_000)), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("quantity beyond a long", new Object[] {tweak.apply(o -> o.put("goodsNumber",
                new java.math.BigInteger("99999999999999999999999"))), 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("non-numeric quantity", new Object[] {tweak.apply(o -> o.put("goodsNumber", "two")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("non-numeric price", new Object[] {tweak.apply(o -> o.put("goodsPrice", "thirty")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("over-precise price", new Object[] {tweak.apply(o -> o.put("goodsPrice", "30.001")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("exponent in order amount", new Object[] {tweak.apply(o -> o.put("orderAmount", "7e1")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("negative shipping fee", new Object[] {tweak.apply(o -> o.put("shippingFee", "-10.00")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("non-numeric user id", new Object[] {tweak.apply(o -> o.put("userId", "alice")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("a 19-digit goods id beyond BIGINT", new Object[] {tweak.apply(o -> o.put("goodsId",
                "9223372036854775808")), 400, "REQUEST_PARAMETER_INVALID"});
        cases.put("a 20-digit user id", new Object[] {tweak.apply(o -> o.put("userId", "10000000000000000000")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("zero coupon id", new Object[] {tweak.apply(o -> o.put("couponId", "0")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("blank consignee", new Object[] {tweak.apply(o -> o.put("consignee", "   ")), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("oversized address", new Object[] {tweak.apply(o -> o.put("address", "x".repeat(256))), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("oversized request id", new Object[] {tweak.apply(o -> o.put("requestId", "r".repeat(65))), 400,
                "REQUEST_PARAMETER_INVALID"});
        cases.put("tampered price", new Object[] {tweak.apply(o -> o.put("goodsPrice", "29.00")
                .put("orderAmount", "68.00")), 409, "GOODS_PRICE_INVALID"});
        cases.put("wrong shipping fee", new Object[] {tweak.apply(o -> o.put("shippingFee", "0.00")
                .put("orderAmount", "60.00")), 400, "ORDER_SHIPPINGFEE_INVALID"});
        cases.put("wrong order amount", new Object[] {tweak.apply(o -> o.put("orderAmount", "60.00")), 400,
                "ORDERAMOUNT_INVALID"});
        cases.put("unknown user", new Object[] {tweak.apply(o -> o.put("userId", "77777777777")), 404, "USER_NO_EXIST"});
        cases.put("unknown goods", new Object[] {tweak.apply(o -> o.put("goodsId", "77777777777")), 404,
                "GOODS_NO_EXIST"});
        cases.put("more than in stock", new Object[] {tweak.apply(o -> o.put("goodsNumber", 9)
                .put("orderAmount", "270.00").put("shippingFee", "0.00")), 409, "GOODS_NUM_NOT_ENOUGH"});
        cases.put("unknown coupon", new Object[] {tweak.apply(o -> o.put("couponId", "77777777777")), 404,
                "COUPON_NO_EXIST"});
        cases.put("someone else's coupon", new Object[] {tweak.apply(o -> o.put("couponId", String.valueOf(othersCoupon))),
                403, "COUPON_NOT_OWNED"});
        cases.put("a used coupon", new Object[] {tweak.apply(o -> o.put("couponId", String.valueOf(usedCoupon))), 409,
                "COUPON_ISUSED"});
        cases.put("negative balance", new Object[] {tweak.apply(o -> o.put("moneyPaid", "-1.00")), 400,
                "MONEY_PAID_LESS_ZERO"});
        cases.put("balance above the user's", new Object[] {tweak.apply(o -> o.put("moneyPaid", "100.01")), 409,
                "MONEY_PAID_INVALID"});
        cases.put("balance plus coupon above the order amount", new Object[] {tweak.apply(o -> o
                .put("couponId", String.valueOf(coupon)).put("moneyPaid", "60.01")), 409, "MONEY_PAID_INVALID"});
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2]));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badCheckouts")
    void aBadCheckoutIsRefusedWithItsCodeAndWritesNothing(String what, String body, int status, String code) {
        Map<String, Object> before = shop.db().fingerprint();

        Http.Response response = shop.placeOrder(body);

        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).as(what).isEqualTo(code);
        assertThat(response.json().path("message").asText()).as(what).isNotBlank();
        assertThat(shop.db().fingerprint()).as("every table of every database after: %s", what).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Http.Response response = Http.post(Ports.url(Components.ORDER) + "/api/orders", "text/plain", valid().toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("REQUEST_PARAMETER_INVALID");
    }
}
