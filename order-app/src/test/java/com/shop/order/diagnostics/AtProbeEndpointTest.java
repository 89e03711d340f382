package com.shop.order.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.support.id.IdGenerator;
import com.shop.support.web.ApiError;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

class AtProbeEndpointTest {

    @Test
    void theProbesWriteIsRefusedUnlessSwitchedOnAndTouchesNothing() {
        // No probe behind it: a write that got past the switch would fail on the null, not answer 403.
        AtProbeEndpoint endpoint = new AtProbeEndpoint(null, new IdGenerator(1), false);

        WebEndpointResponse<Object> answer = endpoint.run(false);

        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(answer.getBody()).isInstanceOfSatisfying(ApiError.class,
                error -> assertThat(error.code()).isEqualTo("AT_PROBE_DISABLED"));
    }
}
