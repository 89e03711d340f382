package com.shop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Buyers rushing hot goods, every checkout of the rush released in the same instant, one unit
 * each and no balance used. The answers the shop promises under a rush are 201, a clean sold-out
 * 409 and an overload 503: anything else (a 5xx, no answer) is a failure in the report.
 */
public class HotGoodsSimulation extends Simulation {

    static final BigDecimal PRICE = new BigDecimal("10.00");

    public HotGoodsSimulation() {
        LoadPlan.Rush rush = LoadPlan.rush();
        Iterator<Map<String, Object>> checkouts = rush.checkouts().stream()
                .map(c -> Map.<String, Object>of("kind", c.kind(), "user", c.user(), "goods", c.goods())).iterator();

        ScenarioBuilder buyers = scenario("hot goods rush").feed(checkouts)
                .exec(http("#{kind}").post(CheckoutRequests.PATH)
                        .body(StringBody(session -> CheckoutRequests.body(session.getLong("user"), session.getLong("goods"),
                                1, PRICE, BigDecimal.ZERO)))
                        // Saved first: a failing check skips those after it.
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"),
                                regex("\"code\":\"([A-Z_]+)\"").optional().saveAs("code"),
                                status().in(201, 409, 503)))
                .exec(session -> {
                    rush.outcomes().answered(session.getString("kind"), session.contains("status") ? session.getInt("status") : null,
                            session.getString("code"), session.getLong("millis"));
                    return session;
                });

        setUp(buyers.injectOpen(atOnceUsers(rush.checkouts().size()))).protocols(CheckoutRequests.protocol());
    }
}
