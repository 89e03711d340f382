package com.shop.infra.nacos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes sure user "nacos" can log in with the configured password, through the same HTTP API the
 * clients use (so a passing check also proves the server API and the auth plugin are up).
 *
 * <p>Nacos 3 ships no default password: the first {@code POST /v3/auth/user/admin} sets it (and
 * any later call is refused with "have admin user cannot use it."). So: try to initialise, then
 * log in; a failed login means the data dir was initialised earlier with another password.
 */
final class AdminAccount {

    /** The admin exists but the configured password does not work. */
    static final class WrongPasswordException extends Exception {
        WrongPasswordException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String serverUrl;

    AdminAccount(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** @return true if this call created the admin user, false if it existed already */
    boolean initialiseIfMissing(String password) throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("/v3/auth/user/admin", "password", password);
        JsonNode body = parse(response);
        if (response.statusCode() == 200 && body.path("code").asInt(-1) == 0) {
            return true;
        }
        if (body.path("code").asInt(-1) == 409 || response.body().contains("have admin user")) {
            return false;
        }
        throw new IOException("initialising the admin user failed: HTTP " + response.statusCode()
                + " " + response.body());
    }

    /**
     * @return the accessToken of a successful login
     * @throws WrongPasswordException when the server answers but gives no token: the server API
     *         answers a bad password with 500 (AccessException, "User not found! ...") and, right
     *         after the admin was created, with 403 "Access Denied"; the body does not tell apart
     *         the causes, so the caller retries before believing it
     */
    String login(String username, String password)
            throws IOException, InterruptedException, WrongPasswordException {
        HttpResponse<String> response = postForm("/v3/auth/user/login", "username", username, "password", password);
        String token = parse(response).path("accessToken").asText("");
        if (response.statusCode() != 200 || token.isEmpty()) {
            String body = response.body().trim();
            throw new WrongPasswordException("login as '" + username + "' was refused (HTTP "
                    + response.statusCode() + " " + body.substring(0, Math.min(body.length(), 200)) + ")");
        }
        return token;
    }

    /** An admin-only read: proves the token carries the admin role (roles are cached like users). */
    boolean canAdminister(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl
                        + "/v3/auth/user/list?pageNo=1&pageSize=1&accessToken="
                        + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private HttpResponse<String> postForm(String path, String... keyValues)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(keyValues[i]).append('=').append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
