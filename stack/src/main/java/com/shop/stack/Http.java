package com.shop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The one blocking HTTP client of the launcher, the tests and the load tools: the stack's own
 * servers on 127.0.0.1 (readiness probes, Nacos, the Seata console, the services' APIs).
 * A failure to connect or to read is an {@link UncheckedIOException}; any HTTP status is an answer.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any server-side timeout of a checkout or a payment, so the server answers first. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** "201", or the status and the error code: "409 GOODS_NUM_NOT_ENOUGH". */
        public String outcome() {
            return status / 100 == 2 ? String.valueOf(status) : status + " " + json().path("code").asText();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    public static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Response postJson(String url, String json) {
        return post(url, "application/json", json);
    }

    public static Response post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Response delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    /** Any other request (a header of its own, a shorter timeout); answered within a minute unless it sets less. */
    public static Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        if (built.timeout().isEmpty()) {
            built = request.timeout(ANSWER_TIMEOUT).build();
        }
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }
}
