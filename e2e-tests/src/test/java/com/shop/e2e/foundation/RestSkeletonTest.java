package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class RestSkeletonTest {

    @Test
    void orderAndPayAppsPublishTheirOpenApiDescriptionAndPage() {
        for (String service : List.of(Components.ORDER, Components.PAY)) {
            Http.Response spec = Http.get(Ports.url(service) + "/v3/api-docs");
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.json().path("openapi").asText()).startsWith("3.");
            assertThat(Http.get(Ports.url(service) + "/swagger-ui/index.html").status()).isEqualTo(200);
        }
        assertThat(Http.get(Ports.url(Components.ORDER) + "/v3/api-docs").json().path("paths").has("/api/orders/{orderId}"))
                .isTrue();
    }

    @Test
    void anUnknownOrderIsA404WithItsErrorCode() {
        Http.Response response = Http.get(Ports.url(Components.ORDER) + "/api/orders/123456789");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void aNonNumericOrderIdIsA400WithItsErrorCode() {
        Http.Response response = Http.get(Ports.url(Components.ORDER) + "/api/orders/not-a-number");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("REQUEST_PARAMETER_INVALID");
    }

    @Test
    void anUnknownPaymentIsA404WithItsErrorCode() {
        Http.Response response = Http.get(Ports.url(Components.PAY) + "/api/payments/42");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }
}
