package com.shop.support.web;

/** The error body of every REST call: {@code {"code": "GOODS_NO_EXIST", "message": "…"}}. */
public record ApiError(String code, String message) {
}
