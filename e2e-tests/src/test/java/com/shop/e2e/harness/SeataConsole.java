package com.shop.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import com.shop.stack.StackSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Seata console's REST API, as an operator uses it: live global sessions with their branches. */
public final class SeataConsole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = Ports.url(Ports.SEATA_CONSOLE);

    private final StackSettings settings;

    public SeataConsole(StackSettings settings) {
        this.settings = settings;
    }

    public String login(String username, String password) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        JsonNode answer = Http.postJson(BASE + "/api/v1/auth/login", body.toString()).json();
        return "200".equals(answer.path("code").asText()) ? answer.path("data").asText() : null;
    }

    /** Every live global session with its branches (first 100). */
    public List<JsonNode> globalSessions() {
        String token = login(settings.seataConsoleUser(), settings.seataConsolePassword());
        if (token == null) {
            throw new IllegalStateException("Seata console login failed with the configured credentials");
        }
        JsonNode answer = Http.send(HttpRequest.newBuilder(URI.create(BASE
                        + "/api/v1/console/globalSession/query?pageNum=1&pageSize=100&withBranch=true"))
                .header("Authorization", token).GET()).json();
        List<JsonNode> sessions = new ArrayList<>();
        answer.path("data").forEach(sessions::add);
        return sessions;
    }

    /** The live global session with this XID, if the TC has it. */
    public Optional<JsonNode> session(String xid) {
        return globalSessions().stream().filter(session -> xid.equals(session.path("xid").asText())).findFirst();
    }

    /**
     * The live checkout ({@code confirm-order}) session whose branches include all these databases, if
     * the TC has one. For tests running one checkout: a running checkout's order row is not readable
     * (the order's local transaction commits last), its session in the TC is.
     */
    public Optional<JsonNode> checkoutHolding(String... databases) {
        return globalSessions().stream()
                .filter(session -> "confirm-order".equals(session.path("transactionName").asText()))
                .filter(session -> branchDatabases(session).containsAll(List.of(databases)))
                .findFirst();
    }

    /** The databases a session's branches write, by the resource id (JDBC URL) each branch registered. */
    public static List<String> branchDatabases(JsonNode session) {
        List<String> databases = new ArrayList<>();
        for (JsonNode branch : session.path("branchSessionVOs")) {
            String resource = branch.path("resourceId").asText();
            databases.add(resource.substring(resource.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
        }
        return databases;
    }
}
