package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.e2e.harness.Http;
import com.shop.e2e.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class RestSkeletonTest {

    @Test
    void orderAndPayAppsPublishTheirOpenApiDescriptionAndPage() {
        for (int port : new int[] {8081, 8085}) {
            Http.Response spec = Http.get("http://127.0.0.1:" + port + "/v3/api-docs");
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.json().path("openapi").asText()).startsWith("3.");
            assertThat(Http.get("http://127.0.0.1:" + port + "/swagger-ui/index.html").status()).isEqualTo(200);
        }
        assertThat(Http.get("http://127.0.0.1:8081/v3/api-docs").json().path("paths").has("/api/orders/{orderId}"))
                .isTrue();
    }

    @Test
    void anUnknownOrderIsA404WithItsErrorCode() {
        Http.Response response = Http.get("http://127.0.0.1:8081/api/orders/123456789");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void aNonNumericOrderIdIsA400WithItsErrorCode() {
        Http.Response response = Http.get("http://127.0.0.1:8081/api/orders/not-a-number");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("REQUEST_PARAMETER_INVALID");
    }

    @Test
    void anUnknownPaymentIsA404WithItsErrorCode() {
        Http.Response response = Http.get("http://127.0.0.1:8085/api/payments/42");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }
}
