package com.shop.e2e.harness;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One request a client sent through the {@link Balancer}: which instance, when, how long, and what came back. */
public record Answer(String request, String instance, long startedNanos, long tookMillis, String outcome) {

    /** A connection that broke with the process behind it: no answer at all ("dropped (IOException)"). */
    public static final String DROPPED = "dropped";

    public boolean ok() {
        return outcome.startsWith("2");
    }

    /** A refusal the caller can act on: a 4xx or 5xx with an error code. */
    public boolean clean() {
        return ok() || outcome.matches("[45]\\d\\d [A-Z_]+");
    }

    public boolean dropped() {
        return outcome.startsWith(DROPPED);
    }

    /** How many answers had each outcome, by request ("checkout 201", "checkout 503 DOWNSTREAM_UNAVAILABLE"). */
    public static Map<String, Integer> outcomes(List<Answer> answers) {
        Map<String, Integer> outcomes = new TreeMap<>();
        answers.forEach(answer -> outcomes.merge(answer.request() + " " + answer.outcome(), 1, Integer::sum));
        return outcomes;
    }
}
