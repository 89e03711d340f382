package com.shop.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** The error body of every REST call: {@code {"code": "GOODS_NO_EXIST", "message": "…"}}. */
public record ApiError(String code, String message) {

    /** The answer of a servlet filter, which refuses before any controller (and its error handler) runs. */
    static void answer(HttpServletResponse response, ErrorCode code, String message, ObjectMapper json)
            throws IOException {
        CodeTaggedRequestMetrics.recordCode(code.name());
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(code.name(), message));
    }
}
