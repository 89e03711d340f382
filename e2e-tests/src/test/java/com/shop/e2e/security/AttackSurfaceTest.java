package com.shop.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.api.user.UserService;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import com.shop.support.rpc.ConfiguredAddressTransporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stack tried as an attacker on the same machine would: what listens where, a Dubbo provider
 * called directly (not through the registry), actuator writes without the operator token, and
 * bodies no client sends (oversized, deeply nested, wrong-typed) on every public endpoint. Each attempt
 * is refused with its code, and nothing is written. And what an operator sees: the metrics.
 *
 * <p>The suite's stack runs with fault injection on, so the fault endpoint with faults off is tried
 * on a coupon-app restarted without it. The AT probe's switch off is {@code AtProbeEndpointTest}'s.
 */
@ExtendWith(StackExtension.class)
class AttackSurfaceTest {

    private static DubboBootstrap attacker;

    private final Shop shop;

    AttackSurfaceTest(Shop shop) {
        this.shop = shop;
    }

    @BeforeAll
    static void anAttackerWithDubbo() {
        attacker = DubboBootstrap.newInstance();
        attacker.application(new ApplicationConfig("attacker")).start();
    }

    @AfterAll
    static void stopTheAttacker() {
        attacker.destroy();
    }

    @Test
    void everyServicePortListensOnLoopbackOnly() throws IOException {
        List<ListeningSocket> listening = ListeningSocket.all();

        for (String service : Components.SERVICES) {
            for (int port : List.of(Ports.http(service), Ports.dubbo(service))) {
                List<ListeningSocket> onPort = listening.stream().filter(s -> s.port() == port).toList();
                assertThat(onPort).as("%s listens on %d", service, port).isNotEmpty();
                assertThat(onPort).as("%s port %d, listening on %s", service, port, onPort)
                        .allMatch(ListeningSocket::loopback);
            }
        }
    }

    @Test
    void aDubboCallThatBypassesTheRegistryIsRefusedForItsMissingTokenAndWritesNothing() {
        long user = shop.newUser("100.00");
        UserService direct = directReference(UserService.class, Components.USER);

        assertThatThrownBy(() -> direct.deductBalance(user, 1_800_000_000_000_009_001L, new BigDecimal("99.00")))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("Forbid invoke remote service")
                .hasMessageContaining("incorrect token");
        assertThatThrownBy(() -> direct.findUser(user)).hasMessageContaining("incorrect token");
        assertThat(shop.db().query(Components.database(Components.USER),
                "SELECT user_money FROM trade_user WHERE user_id = ?", user).get(0).get("user_money"))
                .isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void metricsCountACheckoutByItsCodeItsGlobalTransactionByOutcomeAndItsDubboCallsOnBothSides() {
        String checkoutsConfirmed = "http_server_requests_seconds_count\\{[^}]*code=\"OK\"[^}]*method=\"POST\"[^}]*uri=\"/api/orders\"[^}]*}";
        String committed = "shop_global_transactions_seconds_count\\{[^}]*name=\"confirm-order\"[^}]*outcome=\"committed\"[^}]*}";
        String stockCalled = "shop_rpc_calls_seconds_count\\{[^}]*method=\"reduceStock\"[^}]*outcome=\"ok\"[^}]*"
                + "service=\"GoodsService\"[^}]*side=\"%s\"[^}]*}";
        double checkoutsBefore = scraped(Components.ORDER, checkoutsConfirmed);
        double committedBefore = scraped(Components.ORDER, committed);
        double stockCallsMade = scraped(Components.ORDER, stockCalled.formatted("consumer"));
        double stockCallsServed = scraped(Components.GOODS, stockCalled.formatted("provider"));

        Http.Response placed = shop.placeOrder(shop.fullCheckout().order());

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        // The request's own metric is recorded as its answer leaves, which may be just after the client has it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(scraped(Components.ORDER, committed)).isEqualTo(committedBefore + 1);
            assertThat(scraped(Components.ORDER, checkoutsConfirmed)).isEqualTo(checkoutsBefore + 1);
            assertThat(scraped(Components.ORDER, stockCalled.formatted("consumer"))).isEqualTo(stockCallsMade + 1);
            assertThat(scraped(Components.GOODS, stockCalled.formatted("provider"))).isEqualTo(stockCallsServed + 1);
        });
    }

    /** The public endpoints that take a body: checkout, opening a payment, the platform's callback. */
    static Stream<String> publicBodies() {
        return Stream.of(Ports.url(Components.ORDER) + "/api/orders", Ports.url(Components.PAY) + "/api/payments",
                Ports.url(Components.PAY) + "/api/payments/callback");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicBodies")
    void oversizedDeeplyNestedAndWrongTypedBodiesAreRefusedWithTheirCodeAndWriteNothing(String endpoint) {
        long orders = rows(Components.ORDER, "trade_order");
        long payments = rows(Components.PAY, "trade_pay");
        String oversized = "{\"address\":\"" + "x".repeat(200_000) + "\"}";
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);

        assertThat(Http.postJson(endpoint, oversized).outcome()).as("200 KB declared").isEqualTo("413 REQUEST_TOO_LARGE");
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        oversized.getBytes(StandardCharsets.UTF_8))))).outcome())
                .as("200 KB sent without a length").isEqualTo("413 REQUEST_TOO_LARGE");
        assertThat(Http.postJson(endpoint, deep).outcome()).as("200 levels deep").isEqualTo("400 REQUEST_PARAMETER_INVALID");
        assertThat(Http.postJson(endpoint, "[\"an array\"]").outcome()).isEqualTo("400 REQUEST_PARAMETER_INVALID");
        assertThat(Http.postJson(endpoint, "{\"userId\": {\"an\": \"object\"}}").outcome())
                .isEqualTo("400 REQUEST_PARAMETER_INVALID");
        assertThat(rows(Components.ORDER, "trade_order")).as("orders").isEqualTo(orders);
        assertThat(rows(Components.PAY, "trade_pay")).as("payments").isEqualTo(payments);
    }

    @Test
    void actuatorWritesWithoutTheOperatorTokenAreRefusedAndRunNothing() {
        long probes = rows(Components.ORDER, "seata_probe");
        String fault = "{\"point\":\"goods.after-reduce-stock\",\"action\":\"HALT\"}";

        assertThat(Http.postJson(Shop.actuator(Components.GOODS, "faults"), fault).outcome())
                .isEqualTo("401 OPERATOR_TOKEN_INVALID");
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(Shop.actuator(Components.GOODS, "faults")))
                .header(Shop.OPERATOR_TOKEN_HEADER, "a-guess").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fault))).outcome()).isEqualTo("401 OPERATOR_TOKEN_INVALID");
        assertThat(Http.get(Shop.actuator(Components.GOODS, "faults")).json().path("armed")).as("armed").isEmpty();
        assertThat(Http.postJson(Shop.actuator(Components.ORDER, "atprobe"), "{}").outcome())
                .isEqualTo("401 OPERATOR_TOKEN_INVALID");
        assertThat(Http.postJson(Shop.actuator(Components.PAY, "deadletters"), "{\"group\":\"g\",\"key\":\"k\"}")
                .outcome()).isEqualTo("401 OPERATOR_TOKEN_INVALID");
        assertThat(Http.delete(Shop.actuator(Components.GOODS, "faults")).outcome()).isEqualTo("401 OPERATOR_TOKEN_INVALID");
        assertThat(rows(Components.ORDER, "seata_probe")).as("AT probe rows").isEqualTo(probes);
        // The same write with the token goes through: the refusals above were the token's.
        assertThat(shop.operatorPost(Shop.actuator(Components.ORDER, "atprobe"), "{}").status()).isEqualTo(200);
    }

    @Test
    void aServiceRunningWithoutFaultInjectionRefusesToArmEvenTheOperator() {
        String faults = Shop.actuator(Components.COUPON, "faults");
        shop.stack().stop(Components.COUPON);
        try {
            shop.stack().startWith(Components.COUPON, Map.of("SHOP_FAULTS_ENABLED", "false"));

            assertThat(shop.operatorPost(faults, "{\"point\":\"coupon.before-use\",\"action\":\"HALT\"}").outcome())
                    .isEqualTo("403 FAULT_INJECTION_DISABLED");
            JsonNode state = Http.get(faults).json();
            assertThat(state.path("enabled").asBoolean()).as("enabled").isFalse();
            assertThat(state.path("armed")).as("armed").isEmpty();
        } finally {
            shop.stack().stop(Components.COUPON);
            shop.stack().start(Components.COUPON);
            shop.awaitProvidersReachable(Duration.ofSeconds(60));
        }
    }

    private long rows(String service, String table) {
        return shop.db().count(Components.database(service), "SELECT COUNT(*) FROM " + table);
    }

    /** The value of the one series matching {@code series} in the service's Prometheus text; 0 if absent. */
    private static double scraped(String service, String series) {
        Http.Response metrics = Http.get(Shop.actuator(service, "prometheus"));
        assertThat(metrics.status()).as("GET /actuator/prometheus of %s", service).isEqualTo(200);
        Matcher line = Pattern.compile("^" + series + " (\\S+)$", Pattern.MULTILINE).matcher(metrics.body());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /**
     * A Dubbo reference straight to the service's provider port: no registry, so no token. It connects
     * to 127.0.0.1 as given (stock Dubbo would swap it for the LAN address, where nothing listens).
     */
    private static <T> T directReference(Class<T> contract, String service) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(contract);
        reference.setUrl("dubbo://127.0.0.1:" + Ports.dubbo(service));
        reference.setClient(ConfiguredAddressTransporter.NAME);
        reference.setTimeout(5_000);
        reference.setRetries(0);
        reference.setCheck(false);
        attacker.reference(reference);
        return reference.get();
    }

    /** A listening TCP socket of this machine, from the kernel's tables (no connection made). */
    record ListeningSocket(String address, int port, boolean loopback) {

        private static final String LISTEN = "0A";

        static List<ListeningSocket> all() throws IOException {
            List<ListeningSocket> sockets = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields[3].equals(LISTEN)) {
                        sockets.add(parse(fields[1]));
                    }
                }
            }
            return sockets;
        }

        /** {@code 0100007F:1F91} (IPv4, little-endian words) or its 32-digit IPv6 form. */
        private static ListeningSocket parse(String local) {
            String hex = local.substring(0, local.indexOf(':')).toUpperCase(Locale.ROOT);
            int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
            boolean loopback = hex.equals("0100007F")
                    || hex.equals("00000000000000000000000001000000") // ::1
                    || hex.equals("0000000000000000FFFF00000100007F"); // ::ffff:127.0.0.1
            return new ListeningSocket(hex, port, loopback);
        }
    }
}
