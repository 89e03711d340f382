package com.shop.support.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring's {@code http.server.requests} metric, with one more tag: {@code code}, the error code the
 * request was answered with ({@code OK} for a success). A status alone does not tell an operator
 * whether a 409 was a sold-out goods or a global-lock race, nor a 503 shed load from a dead provider.
 * The codes are the fixed set of {@code ErrorCode} plus Spring's few, so the tag stays low-cardinality.
 */
public class CodeTaggedRequestMetrics extends DefaultServerRequestObservationConvention {

    static final String CODE_ATTRIBUTE = CodeTaggedRequestMetrics.class.getName() + ".code";
    static final String OK = "OK";

    /** Notes the error code the current request is answered with. */
    static void recordCode(String code) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(CODE_ATTRIBUTE, code, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("code", code(context)));
    }

    private static String code(ServerRequestObservationContext context) {
        Object code = context.getCarrier().getAttribute(CODE_ATTRIBUTE);
        if (code != null) {
            return code.toString();
        }
        int status = context.getResponse() == null ? 0 : context.getResponse().getStatus();
        return status < 400 ? OK : "HTTP_" + status;
    }
}
