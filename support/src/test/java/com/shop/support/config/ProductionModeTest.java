package com.shop.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionModeTest {

    private final ProductionMode mode = new ProductionMode();

    /** What a local run has: every local default, the local switches on. */
    private static MockEnvironment localRun() {
        return new MockEnvironment()
                .withProperty("spring.cloud.nacos.password", "nacos-local-admin")
                .withProperty("shop.payment.callback-secret", "local-only-callback-secret-change-me")
                .withProperty("spring.datasource.password", "")
                .withProperty("shop.faults.enabled", "true")
                .withProperty("shop.atprobe.enabled", "true");
    }

    @Test
    void aLocalRunStartsWithItsDefaults() {
        assertThatCode(() -> mode.postProcessEnvironment(localRun(), null)).doesNotThrowAnyException();
    }

    @Test
    void productionRefusesEveryLocalDefaultAndSwitchByNameWithoutItsValue() {
        MockEnvironment env = localRun().withProperty("shop.production", "true");

        assertThatThrownBy(() -> mode.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("shop.atprobe.enabled is on", "shop.faults.enabled is on",
                        "shop.payment.callback-secret is the local default", "spring.cloud.nacos.password is the local default",
                        "spring.datasource.password is empty")
                .hasMessageNotContaining("nacos-local-admin")
                .hasMessageNotContaining("local-only-callback-secret-change-me");
    }

    @Test
    void productionStartsWithItsOwnSecretsAndTheSwitchesOff() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("shop.production", "true")
                .withProperty("spring.cloud.nacos.password", "a-real-one")
                .withProperty("shop.payment.callback-secret", "another-real-one")
                .withProperty("spring.datasource.password", "and-a-third")
                .withProperty("shop.faults.enabled", "false");

        assertThat(ProductionMode.refusals(env)).isEmpty();
    }
}
