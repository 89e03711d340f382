package com.shop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The last step of a start: one global transaction over the five databases (order-app's AT probe,
 * which writes only {@code seata_probe} rows). The first global transaction of freshly started
 * services pays for loading Seata's undo-log and SQL machinery, the TC connections of every resource
 * manager and the Dubbo channels — measured at 5.4 s on 2 cores — and a first checkout paying that
 * on top of its own work ran past the 10 s global timeout. After this, the first checkout took 1.8 s.
 * Best effort: a stack whose warm-up failed is still up, and says so.
 */
final class WarmUp {

    private static final URI PROBE = URI.create("http://127.0.0.1:" + Components.httpPort(Components.ORDER)
            + "/actuator/atprobe");
    private static final int ATTEMPTS = 3;

    private WarmUp() {
    }

    static void run(Consumer<String> progress) {
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String outcome = probe();
            if (outcome.contains("\"COMMITTED\"")) {
                progress.accept(String.format("warmed up: one global transaction over the five databases (%.1f s)",
                        (System.nanoTime() - began) / 1e9));
                return;
            }
            if (attempt == ATTEMPTS) {
                progress.accept("WARNING: the warm-up transaction did not commit (" + outcome
                        + "); the first checkouts may be slow");
            }
        }
    }

    private static String probe() {
        HttpRequest request = HttpRequest.newBuilder(PROBE).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<String> response = Readiness.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return "HTTP " + response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
