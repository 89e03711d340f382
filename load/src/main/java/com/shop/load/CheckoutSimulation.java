package com.shop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Checkouts on distinct goods at a fixed concurrency: each virtual user is one buyer with a goods
 * of its own, checking out two units (free shipping) and paying all of it with balance — writes
 * in the order, goods and user databases, and no two checkouts ever racing for a row — over and over for the
 * round's duration. Paid in full, an order is paid at once and leaves no payment timeout behind: with
 * something left to pay, every order of a run would be cancelled 30 minutes later (one more global
 * transaction each), inside whatever is measured then. Every answer must be 201; whether it carried a global transaction id is counted, so
 * the round proves which mode it measured.
 */
public class CheckoutSimulation extends Simulation {

    static final BigDecimal PRICE = new BigDecimal("60.00");
    static final int QUANTITY = 2;
    static final BigDecimal BALANCE_PAID = PRICE.multiply(BigDecimal.valueOf(QUANTITY));

    public CheckoutSimulation() {
        LoadPlan.CheckoutRound round = LoadPlan.checkoutRound();
        String mode = round.globalTransactions() ? "AT on" : "AT off";
        Iterator<Map<String, Object>> buyers = round.buyers().stream()
                .map(buyer -> Map.<String, Object>of("user", buyer.user(), "goods", buyer.goods())).iterator();

        ScenarioBuilder checkouts = scenario("checkout, " + mode).feed(buyers)
                .during(Duration.ofSeconds(round.seconds())).on(
                        exec(http("checkout, " + mode).post(CheckoutRequests.PATH)
                                .body(StringBody(CheckoutSimulation::body))
                                // Saved first: a failing check skips those after it.
                                .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"),
                                        regex("\"code\":\"([A-Z_]+)\"").optional().saveAs("code"),
                                        regex("\"xid\":\"([^\"]+)\"").optional().saveAs("xid"),
                                        status().is(201)))
                        .exec(session -> {
                            Integer status = session.contains("status") ? session.getInt("status") : null;
                            round.outcomes().answered(mode, status, session.getString("code"), session.getLong("millis"));
                            if (status != null && status == 201) {
                                round.outcomes().count(mode, session.contains("xid") ? "201 in a global transaction" : "201 without one");
                            }
                            return session.removeAll("status", "millis", "code", "xid");
                        }));

        setUp(checkouts.injectOpen(atOnceUsers(round.buyers().size()))).protocols(CheckoutRequests.protocol());
    }

    private static String body(Session session) {
        return CheckoutRequests.body(session.getLong("user"), session.getLong("goods"), QUANTITY, PRICE, BALANCE_PAID);
    }
}
