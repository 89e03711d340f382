package com.shop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How the supervisor knows a component can serve: polled until true or the start times out. */
@FunctionalInterface
interface Readiness {

    boolean isReady(ManagedProcess process);

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The component prints this line itself once it is fully usable (our infra mains do). */
    static Readiness logLine(String line) {
        return process -> process.logContains(line);
    }

    static Readiness tcpOpen(int port) {
        return process -> isOpen(port);
    }

    /** HTTP 200 whose body contains the marker (e.g. {@code "status":"UP"}). */
    static Readiness http(String url, String bodyMarker) {
        return process -> {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains(bodyMarker);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    default Readiness and(Readiness other) {
        return process -> isReady(process) && other.isReady(process);
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
