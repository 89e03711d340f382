package com.shop.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than {@code shop.web.max-body-bytes} with
 * {@code 413 REQUEST_TOO_LARGE}, before anything reads it: every body this shop accepts is a few
 * hundred bytes. A body sent without a length (chunked) is held to the same size by the JSON parser
 * ({@code SupportAutoConfiguration}'s read constraints).
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public RequestSizeLimit(long maxBodyBytes, ObjectMapper json) {
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            ApiError.answer(response, ErrorCode.REQUEST_TOO_LARGE, "The body has " + request.getContentLengthLong()
                    + " bytes; this service accepts at most " + maxBodyBytes, json);
            return;
        }
        chain.doFilter(request, response);
    }
}
