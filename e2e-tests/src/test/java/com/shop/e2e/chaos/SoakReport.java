package com.shop.e2e.chaos;

import com.shop.e2e.harness.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The soak's report in Markdown: what it ran, what the traffic got, every fault and anomaly in order. */
final class SoakReport {

    private final List<String> lines = new ArrayList<>();

    SoakReport title(String title) {
        lines.add("# " + title + "\n");
        return this;
    }

    SoakReport paragraph(String text) {
        lines.add(text + "\n");
        return this;
    }

    SoakReport section(String heading) {
        lines.add("## " + heading + "\n");
        return this;
    }

    SoakReport counts(String what, Map<String, Integer> counts) {
        lines.add("| " + what + " | count |\n| --- | ---: |");
        counts.forEach((name, count) -> lines.add("| " + name + " | " + count + " |"));
        lines.add("");
        return this;
    }

    /** Per request: how many, the answers by outcome, and the latency of those answered. */
    SoakReport traffic(List<Answer> answers) {
        lines.add("| request | sent | answers | p50 | p99 | slowest |\n| --- | ---: | --- | ---: | ---: | ---: |");
        Map<String, List<Answer>> byRequest = new TreeMap<>(answers.stream().collect(Collectors.groupingBy(Answer::request)));
        byRequest.forEach((request, sent) -> {
            Map<String, Integer> outcomes = new TreeMap<>();
            sent.forEach(a -> outcomes.merge(a.outcome(), 1, Integer::sum));
            long[] millis = sent.stream().filter(a -> !a.dropped()).mapToLong(Answer::tookMillis).sorted().toArray();
            lines.add("| " + request + " | " + sent.size() + " | " + outcomes.entrySet().stream()
                    .map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining(", ")) + " | "
                    + percentile(millis, 50) + " ms | " + percentile(millis, 99) + " ms | "
                    + (millis.length == 0 ? 0 : millis[millis.length - 1]) + " ms |");
        });
        lines.add("");
        return this;
    }

    SoakReport timeline(SoakLog log, List<SoakLog.Event> events) {
        lines.add("| at | what | |\n| --- | --- | --- |");
        events.forEach(e -> lines.add("| " + log.clock(e.atNanos()) + " | " + e.kind().name().toLowerCase() + " | "
                + e.what().replace("|", "\\|").replace("\n", " ") + " |"));
        lines.add("");
        return this;
    }

    SoakReport bullets(List<String> items, String whenNone) {
        if (items.isEmpty()) {
            lines.add(whenNone + "\n");
        } else {
            items.forEach(item -> lines.add("- " + item.replace("\n", " ")));
            lines.add("");
        }
        return this;
    }

    String markdown() {
        return String.join("\n", lines) + "\n";
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
