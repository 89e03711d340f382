package com.shop.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import com.shop.stack.StackSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The Seata console's REST API, as an operator uses it: live global sessions with their branches. */
public final class SeataConsole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = Ports.url(Ports.SEATA_CONSOLE);
    /** {@code GlobalStatus.Rollbacking}: a rollback under way, or finished and not ended yet (see below). */
    private static final int ROLLBACKING = 4;
    /** What the TC's retry job may lag behind, on a busy 2-core machine, besides its own period. */
    private static final Duration RETRY_JOB_SLACK = Duration.ofSeconds(10);

    private final StackSettings settings;
    private final Duration finishedRollbacksEndWithin;

    public SeataConsole(StackSettings settings) {
        this.settings = settings;
        this.finishedRollbacksEndWithin = finishedRollbacksEndWithin(settings);
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

    /**
     * A rollback the TC has finished but not ended yet: status Rollbacking, no branch left to undo, younger
     * than the TC ends such sessions. In db store mode the TC leaves a rollback its caller drove to the end
     * for its retry job, which deletes it once older than {@code server.retryDeadThreshold}
     * (docs/stack-traps.md#17-finished-rollbacks-linger-in-the-tc). One older than that was not ended: the
     * TC failed at its job.
     */
    public boolean finishedRollbackNotEndedYet(JsonNode session) {
        long age = System.currentTimeMillis() - session.path("beginTime").asLong();
        return session.path("status").asInt() == ROLLBACKING && session.path("branchSessionVOs").isEmpty()
                && age < finishedRollbacksEndWithin.toMillis();
    }

    /** The TC's retry-dead threshold and retry period as nacos-config publishes them, and some slack. */
    private static Duration finishedRollbacksEndWithin(StackSettings settings) {
        Properties tc = new Properties();
        try (Reader file = Files.newBufferedReader(
                settings.root().resolve("nacos-config/SEATA_GROUP/seataServer.properties"))) {
            tc.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Duration.ofMillis(Long.parseLong(tc.getProperty("server.retryDeadThreshold"))
                + Long.parseLong(tc.getProperty("server.recovery.rollbackingRetryPeriod"))).plus(RETRY_JOB_SLACK);
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
