package com.shop.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checkout under the traffic it exists for: a rush on hot goods past the point where a naive
 * checkout breaks (it answered 500 and 504 to most of these buyers), and more than the stack can
 * serve. Exact counts and the invariants, never timings: the figures come from ./load.sh hot.
 *
 * <p>The rushes sell 20 units each, not the 50 of the benchmark: on a test stack that has just
 * started, 2 cores sold 38 to 50 units within the 8 s checkout deadline and shed the rest with 503
 * (correctly, but then the count is a matter of speed). 20 sales fit that deadline with room to spare.
 */
@ExtendWith(StackExtension.class)
class CheckoutUnderLoadTest {

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private final Shop shop;

    CheckoutUnderLoadTest(Shop shop) {
        this.shop = shop;
    }

    /**
     * Once per run: some ordinary checkouts first, so a rush meets a warmed-up stack. On a stack that
     * has just started, the first global transactions of every JVM pay for class loading, JIT and
     * Seata's table metadata, and a rush then sells fewer units before its deadline (that cold case
     * is measured by ./load.sh hot, not asserted here: it is a matter of time, not of counts).
     */
    @BeforeEach
    void warmedUp() throws Exception {
        if (WARMED_UP.compareAndSet(false, true)) {
            for (int round = 0; round < 10; round++) {
                List<ObjectNode> checkouts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    checkouts.add(shop.validOrder(shop.newUser("0.00"), shop.newGoods(1, "10.00"), 1, "10.00"));
                }
                assertThat(Shop.outcomes(shop.rush(checkouts))).as("warm-up checkouts").containsOnlyKeys("201");
            }
        }
    }

    @AfterEach
    void invariantsHold() {
        shop.disarmEverywhere();
        shop.invariants().awaitHold(Duration.ofSeconds(60));
    }

    @Test
    void twoHundredBuyersForTheLastTwentyUnitsGetTwentyOrdersAndEveryOtherBuyerACleanSoldOut() throws Exception {
        long goods = shop.newGoods(20, "10.00");
        List<ObjectNode> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(shop.validOrder(shop.newUser("0.00"), goods, 1, "10.00"));
        }

        Map<String, Integer> outcomes = Shop.outcomes(shop.rush(buyers));

        assertThat(outcomes).as("answers to 200 buyers of 20 units").containsEntry("201", 20)
                .containsEntry("409 GOODS_NUM_NOT_ENOUGH", 180).hasSize(2);
        assertThat(stockOf(goods)).isZero();
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE goods_id = ?", goods))
                .isEqualTo(20);
    }

    @Test
    void aRushOnTenHotGoodsSellsThemOutWithoutStarvingCheckoutsOfOtherGoods() throws Exception {
        List<Long> hot = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            hot.add(shop.newGoods(2, "10.00"));
        }
        List<ObjectNode> everyone = new ArrayList<>();
        List<ObjectNode> ordinary = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            everyone.add(shop.validOrder(shop.newUser("0.00"), hot.get(i % 10), 1, "10.00"));
            if (i % 10 == 0) {
                ObjectNode other = shop.validOrder(shop.newUser("0.00"), shop.newGoods(1, "10.00"), 1, "10.00");
                ordinary.add(other);
                everyone.add(other);
            }
        }

        List<Http.Response> answers = shop.rush(everyone);

        List<Http.Response> ordinaryAnswers = new ArrayList<>();
        List<Http.Response> hotAnswers = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i++) {
            (ordinary.contains(everyone.get(i)) ? ordinaryAnswers : hotAnswers).add(answers.get(i));
        }
        assertThat(Shop.outcomes(hotAnswers)).as("answers to 200 buyers of 10 goods x 2 units")
                .containsEntry("201", 20).containsEntry("409 GOODS_NUM_NOT_ENOUGH", 180).hasSize(2);
        assertThat(Shop.outcomes(ordinaryAnswers)).as("answers to 20 checkouts of other goods in the same rush")
                .containsEntry("201", 20).hasSize(1);
        for (long goods : hot) {
            assertThat(stockOf(goods)).as("stock of hot goods %d", goods).isZero();
        }
    }

    @Test
    void buyersStillQueuedAtTheirDeadlineGetA503WithRetryAfterAndNothingIsWrittenForThem() throws Exception {
        long goods = shop.newGoods(100, "10.00");
        // Both of the goods' lanes are taken by checkouts stuck past the global timeout ...
        shop.arm("goods.before-reduce-stock", "DELAY", 12_000, 2);
        List<ObjectNode> stuck = List.of(shop.validOrder(shop.newUser("0.00"), goods, 1, "10.00"),
                shop.validOrder(shop.newUser("0.00"), goods, 1, "10.00"));
        List<CompletableFuture<Http.Response>> stuckAnswers = stuck.stream()
                .map(order -> CompletableFuture.supplyAsync(() -> shop.placeOrder(order))).toList();
        // ... which are inside their global transactions, both held at the fault, before anyone queues.
        // (Their order rows are not readable yet: the order's local transaction commits last.)
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.firedOut("goods.before-reduce-stock"));
        List<ObjectNode> queued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queued.add(shop.validOrder(shop.newUser("0.00"), goods, 1, "10.00"));
        }

        List<Http.Response> answers = shop.rush(queued);

        assertThat(Shop.outcomes(answers)).as("answers to 30 buyers queued behind two stuck checkouts")
                .containsEntry("503 CHECKOUT_OVERLOADED", 30).hasSize(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.header("Retry-After")).hasValue("1"));
        for (CompletableFuture<Http.Response> answer : stuckAnswers) {
            assertThat(answer.get().outcome()).isEqualTo("504 TRANSACTION_TIMEOUT");
        }
        for (ObjectNode order : queued) {
            assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                    order.path("requestId").asText())).isZero();
        }
        assertThat(stockOf(goods)).isEqualTo(100);
    }

    private long stockOf(long goods) {
        return shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods);
    }
}
