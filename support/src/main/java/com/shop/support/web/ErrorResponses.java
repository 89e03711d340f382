package com.shop.support.web;

import com.shop.api.error.ErrorCode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes a REST call can answer, besides {@code 500 INTERNAL_ERROR}, which any call can. Its API
 * document lists each with the status and default message {@link ErrorCode} fixes ({@link ApiDocs}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrorResponses {

    ErrorCode[] value();
}
