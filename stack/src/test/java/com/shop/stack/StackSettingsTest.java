package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withNoEnvironmentEverythingIsEmbeddedOnTheDefaultLocalPorts() {
        StackSettings s = StackSettings.from(Map.of(), ROOT, ROOT.resolve(".stack-data"), true);
        assertThat(s.embeddedDb()).isTrue();
        assertThat(s.embeddedNacos()).isTrue();
        assertThat(s.embeddedRocketMq()).isTrue();
        assertThat(s.embeddedSeata()).isTrue();
        assertThat(s.jdbcUrl("shop_order")).startsWith("jdbc:mysql://127.0.0.1:3307/shop_order?");
        assertThat(s.nacosUrl()).isEqualTo("http://127.0.0.1:8848/nacos");
    }

    @Test
    void eachShopVariablePointsOnePartAtExternalInfrastructure() {
        StackSettings s = StackSettings.from(Map.of("SHOP_DB_HOST", "mysql.prod", "SHOP_DB_PORT", "3306",
                "SHOP_NACOS_ADDR", "nacos.prod:8848", "SHOP_ROCKETMQ_NAMESRV", "mq.prod:9876",
                "SHOP_SEATA_EXTERNAL", "true"), ROOT, ROOT.resolve("d"), false);
        assertThat(s.embeddedDb()).isFalse();
        assertThat(s.embeddedNacos()).isFalse();
        assertThat(s.embeddedRocketMq()).isFalse();
        assertThat(s.embeddedSeata()).isFalse();
        assertThat(s.childEnvironment()).containsEntry("SHOP_DB_HOST", "mysql.prod")
                .containsEntry("SHOP_NACOS_ADDR", "nacos.prod:8848")
                .containsEntry("SHOP_ROCKETMQ_NAMESRV", "mq.prod:9876");
    }

    @Test
    void theEmbeddedStackIgnoresTheEnvironmentAndPassesNoStackVariableOn() {
        StackSettings s = StackSettings.embedded(ROOT, ROOT.resolve("d"), true);
        assertThat(s.embeddedDb()).isTrue();
        assertThat(s.childEnvironment()).containsEntry("SHOP_DB_HOST", "127.0.0.1")
                .doesNotContainKey("SHOP_ID_WORKER_ID");
    }

    @Test
    void theLaunchersOwnShopVariablesReachItsProcesses() {
        StackSettings s = StackSettings.from(Map.of("SHOP_ORDER_HTTP_PORT", "9081", "PATH", "/bin"), ROOT,
                ROOT.resolve("d"), true);
        assertThat(s.childEnvironment()).containsEntry("SHOP_ORDER_HTTP_PORT", "9081").doesNotContainKey("PATH");
    }

    @Test
    void aLocalStackTurnsTheAtProbeOn() {
        assertThat(StackSettings.from(Map.of(), ROOT, ROOT.resolve("d"), true).childEnvironment())
                .containsEntry("SHOP_ATPROBE_ENABLED", "true");
    }

    @Test
    void productionRefusesMissingAndLocalDefaultSecretsByName() {
        Map<String, String> env = Map.of("SHOP_PRODUCTION", "true", "SHOP_NACOS_PASSWORD", "nacos-local-admin",
                "SHOP_DB_PASSWORD", "a-real-one", "SHOP_FAULTS_ENABLED", "true");

        assertThatThrownBy(() -> StackSettings.from(env, ROOT, ROOT.resolve("d"), false))
                .hasMessageContainingAll("SHOP_NACOS_PASSWORD is the local default", "SHOP_PAYMENT_CALLBACK_SECRET is not set",
                        "SEATA_CONSOLE_PASSWORD is not set", "SEATA_SECRET_KEY is not set", "NACOS_AUTH_TOKEN is not set",
                        "SHOP_OPERATOR_TOKEN is not set",
                        "SHOP_FAULTS_ENABLED is on")
                .hasMessageNotContaining("SHOP_DB_PASSWORD")
                .hasMessageNotContaining("nacos-local-admin");
    }

    @Test
    void productionWithItsSecretsSetStartsWithTheAtProbeOffAndRefusesFaults() {
        Map<String, String> env = Map.of("SHOP_PRODUCTION", "true", "SHOP_NACOS_ADDR", "nacos.prod:8848",
                "SHOP_SEATA_EXTERNAL", "true", "SHOP_NACOS_PASSWORD", "n", "SHOP_DB_PASSWORD", "d",
                "SHOP_PAYMENT_CALLBACK_SECRET", "c", "SHOP_OPERATOR_TOKEN", "o");

        StackSettings s = StackSettings.from(env, ROOT, ROOT.resolve("d"), false);

        assertThat(s.childEnvironment()).containsEntry("SHOP_ATPROBE_ENABLED", "false")
                .containsEntry("SHOP_PRODUCTION", "true");
        assertThatThrownBy(s::withFaultsEnabled).hasMessageContaining("refuses fault injection");
    }

    @Test
    void theWelcomeTextShowsOnlyLocalDefaultSecrets() {
        assertThat(StackSettings.shown("nacos-local-admin", StackSettings.LOCAL_NACOS_PASSWORD)).isEqualTo("nacos-local-admin");
        assertThat(StackSettings.shown("s3cret", StackSettings.LOCAL_NACOS_PASSWORD)).doesNotContain("s3cret");
    }
}
