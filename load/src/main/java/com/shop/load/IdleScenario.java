package com.shop.load;

import com.shop.stack.PidFile;
import com.shop.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ./load.sh idle}: no traffic; the CPU each process of the stack uses, and its busiest threads. */
final class IdleScenario implements Scenario {

    private final StackSettings settings;
    private final Path results;

    IdleScenario(LoadContext context) {
        this.settings = context.settings();
        this.results = context.results();
    }

    /** The stack left alone: what each process costs while nothing happens, in percent of one core. */
    @Override
    public Map<String, Object> run(LoadOptions options) throws Exception {
        int seconds = options.integer("seconds", 60);
        StackCpu cpu = new StackCpu(new PidFile(settings.dataDir()));
        Map<String, Double> before = cpu.secondsSoFar();
        Map<String, Map<String, Double>> threadsBefore = cpu.threadSecondsSoFar();
        System.out.printf("measuring the idle stack for %d s...%n", seconds);
        Thread.sleep(seconds * 1000L);
        Map<String, Double> used = StackCpu.difference(before, cpu.secondsSoFar());
        Map<String, Map<String, Double>> threadsAfter = cpu.threadSecondsSoFar();
        used.remove("load-generator");

        Map<String, Object> processes = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(process -> {
            Map<String, Double> threads = StackCpu.difference(threadsBefore.getOrDefault(process.getKey(), Map.of()),
                    threadsAfter.getOrDefault(process.getKey(), Map.of()));
            Map<String, Double> busiest = new LinkedHashMap<>();
            threads.entrySet().stream().filter(thread -> thread.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                    .forEach(thread -> busiest.put(thread.getKey(), Numbers.round1(100 * thread.getValue() / seconds)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("percentOfOneCore", Numbers.round1(100 * process.getValue() / seconds));
            entry.put("busiestThreadsPercent", busiest);
            processes.put(process.getKey(), entry);
        });
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "idle stack");
        summary.put("seconds", seconds);
        summary.put("percentOfOneCore", Numbers.round1(100 * total / seconds));
        summary.put("processes", processes);
        Files.createDirectories(results);
        return summary;
    }
}
