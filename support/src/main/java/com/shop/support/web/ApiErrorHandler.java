package com.shop.support.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.Causes;
import com.shop.support.tx.CoordinatorFailures;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure leaving a controller to {@link ApiError}: 4xx for the caller's fault, 5xx for ours. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler({HttpMessageNotReadableException.class, BindException.class,
            ConstraintViolationException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        StreamConstraintsException tooMuch = Causes.find(e, StreamConstraintsException.class);
        if (tooMuch != null) {
            // A body sent without a length, or nested deeper than any of ours (the parser's read constraints).
            return String.valueOf(tooMuch.getMessage()).contains("Document length")
                    ? respond(ErrorCode.REQUEST_TOO_LARGE, "The body is longer than this service accepts")
                    : respond(ErrorCode.REQUEST_PARAMETER_INVALID, "The body is nested deeper than this service accepts");
        }
        return respond(ErrorCode.REQUEST_PARAMETER_INVALID, describe(e));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return answer(ResponseEntity.status(405), new ApiError("METHOD_NOT_ALLOWED", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return answer(ResponseEntity.status(404), new ApiError("NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> any(Exception e) {
        ShopException shop = Causes.find(e, ShopException.class);
        if (shop != null) {
            if (shop.code() == ErrorCode.CHECKOUT_OVERLOADED || shop.code() == ErrorCode.OVERLOADED) {
                // Shedding load is the plan working, not a fault: one line, no stack trace to flood the log.
                log.info("{}: {}", shop.code(), shop.getMessage());
            } else if (!shop.code().isClientError()) {
                log.error("{} failed: {}", shop.code(), shop.getMessage(), e);
            }
            return respond(shop.code(), shop.getMessage());
        }
        if (Causes.has(e, SQLTransientConnectionException.class)) {
            // Every database connection busy: overload, answered like one (503 and Retry-After), not a defect.
            log.warn("No database connection free: {}", e.toString());
            return respond(ErrorCode.OVERLOADED, ErrorCode.OVERLOADED.defaultMessage());
        }
        if (Causes.has(e, LockConflictException.class)) {
            // A global transaction held the row past the lock retries (a payment callback meeting a cancel in flight).
            log.info("Global lock still held after the retries: {}", e.toString());
            return respond(ErrorCode.BUSY, ErrorCode.BUSY.defaultMessage());
        }
        if (CoordinatorFailures.neverBegan(e) || CoordinatorFailures.unreachable(e)) {
            // A TC down or restarting: a fault of the system's, answered like a dependency down, not a defect.
            log.warn("The transaction coordinator could not be reached: {}", e.toString());
            return respond(ErrorCode.COORDINATOR_UNAVAILABLE, ErrorCode.COORDINATOR_UNAVAILABLE.defaultMessage());
        }
        if (Causes.has(e, RpcException.class)) {
            log.error("A remote call failed", e);
            return respond(ErrorCode.DOWNSTREAM_UNAVAILABLE, ErrorCode.DOWNSTREAM_UNAVAILABLE.defaultMessage());
        }
        log.error("Unexpected failure", e);
        return respond(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
    }

    private static ResponseEntity<ApiError> respond(ErrorCode code, String message) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(code.httpStatus());
        if (code.httpStatus() == 503) {
            // Overloaded or a dependency down: nothing was written, and a retry soon may succeed.
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return answer(response, new ApiError(code.name(), message));
    }

    /** Every error answer leaves here, its code noted for the request's metrics ({@link CodeTaggedRequestMetrics}). */
    private static ResponseEntity<ApiError> answer(ResponseEntity.BodyBuilder response, ApiError error) {
        CodeTaggedRequestMetrics.recordCode(error.code());
        return response.body(error);
    }

    private static String describe(Exception e) {
        if (e instanceof BindException bind && bind.getFieldError() != null) {
            return bind.getFieldError().getField() + ": " + bind.getFieldError().getDefaultMessage();
        }
        if (e instanceof HttpMessageNotReadableException) {
            // The parser's own message names internal classes; the caller needs only the gist.
            return "The request body is not valid JSON for this call";
        }
        return e.getMessage();
    }
}
