package com.shop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.shop.stack.Components;
import com.shop.stack.Ports;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The payment platform notifying pay-app at a steady rate, an open workload: each callback goes out
 * on time whatever happened to the earlier ones, so a slow pay-app shows in the answer times instead
 * of quietly lowering the rate. The answers pay-app promises are 200 (acknowledged: the platform stops
 * sending) and a fast {@code 503 OVERLOADED} (the platform sends it again later); anything else is a
 * failure in the report.
 */
public class PaymentCallbackSimulation extends Simulation {

    public PaymentCallbackSimulation() {
        CallbackPhase phase = LoadPlan.callbackPhase();
        ScenarioBuilder platform = scenario("payment callbacks, " + phase.name()).feed(phase.feeder())
                .exec(http(phase.name()).post("/api/payments/callback")
                        .body(StringBody(session -> phase.signedBody(session.getInt("callback"))))
                        // Saved first: a failing check skips those after it.
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"),
                                regex("\"code\":\"([A-Z_]+)\"").optional().saveAs("code"),
                                status().in(200, 503)))
                .exec(session -> {
                    phase.answered(session.getInt("callback"), session.contains("status") ? session.getInt("status") : null,
                            session.getString("code"), session.contains("millis") ? session.getLong("millis") : 0L);
                    return session;
                });

        Duration length = Duration.ofSeconds(phase.seconds());
        OpenInjectionStep injection = phase.startRate() == phase.rate()
                ? constantUsersPerSec(phase.rate()).during(length)
                : rampUsersPerSec(phase.startRate()).to(phase.rate()).during(length);
        setUp(platform.injectOpen(injection)).protocols(http.baseUrl(Ports.url(Components.PAY))
                .contentTypeHeader("application/json").acceptHeader("application/json"));
    }
}
