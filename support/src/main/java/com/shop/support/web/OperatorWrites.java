package com.shop.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator writes are the operator's: arming a fault, running the AT probe, redriving a dead letter.
 * Each must carry the operator token in {@value #HEADER}; without it, or with another, the answer is
 * {@code 401 OPERATOR_TOKEN_INVALID} and nothing runs. Reads (health, metrics, the lists) stay open on
 * the address the service listens on, for probes and scrapers.
 */
public class OperatorWrites extends OncePerRequestFilter {

    public static final String HEADER = "X-Operator-Token";

    private final byte[] token;
    private final ObjectMapper json;

    public OperatorWrites(String token, ObjectMapper json) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/") || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        // Constant-time: the comparison must not tell a caller how much of a guess was right.
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        ApiError.answer(response, ErrorCode.OPERATOR_TOKEN_INVALID,
                "Actuator writes need the operator token in " + HEADER + " (shop.operator.token)", json);
    }
}
