package com.shop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two filters that refuse before any controller runs: the operator token and the body size. */
class RequestGuardsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final OperatorWrites operatorWrites = new OperatorWrites("the-token", json);
    private final RequestSizeLimit sizeLimit = new RequestSizeLimit(100, json);

    @Test
    void anActuatorWriteWithoutTheRightTokenIsRefusedAndGoesNoFurther() throws Exception {
        for (String presented : new String[] {null, "", "the-toke", "the-token!"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actuator/faults");
            if (presented != null) {
                request.addHeader(OperatorWrites.HEADER, presented);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            operatorWrites.doFilter(request, response, chain);

            assertThat(response.getStatus()).as("token %s", presented).isEqualTo(401);
            assertThat(response.getContentAsString()).contains("\"code\":\"OPERATOR_TOKEN_INVALID\"");
            assertThat(chain.getRequest()).as("passed on").isNull();
        }
    }

    @Test
    void anActuatorWriteWithTheTokenAndEveryReadPass() throws Exception {
        MockHttpServletRequest write = new MockHttpServletRequest("DELETE", "/actuator/faults");
        write.addHeader(OperatorWrites.HEADER, "the-token");
        assertPassed(operatorWrites, write);
        assertPassed(operatorWrites, new MockHttpServletRequest("GET", "/actuator/faults"));
        assertPassed(operatorWrites, new MockHttpServletRequest("POST", "/api/orders"));
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.setContent(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        sizeLimit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"REQUEST_TOO_LARGE\"");
        assertThat(chain.getRequest()).isNull();

        MockHttpServletRequest atTheLimit = new MockHttpServletRequest("POST", "/api/orders");
        atTheLimit.setContent(new byte[100]);
        assertPassed(sizeLimit, atTheLimit);
    }

    private static void assertPassed(OncePerRequestFilter filter,
                                     MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("%s %s passed on", request.getMethod(), request.getRequestURI()).isNotNull();
    }
}
