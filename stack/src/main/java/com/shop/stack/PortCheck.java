package com.shop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start what would find its ports taken, naming each port and what it is for. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(Iterable<Component> toStart) {
        List<String> taken = new ArrayList<>();
        for (Component component : toStart) {
            component.ports().forEach((port, purpose) -> {
                if (!isFree(port)) {
                    taken.add("port " + port + " (" + purpose + ") is already in use");
                }
            });
        }
        if (!taken.isEmpty()) {
            throw new StackStartFailure(String.join("\n", taken)
                    + "\nIs another stack running? Stop it (./shop.sh stop) or free these ports.");
        }
    }

    /**
     * Free means nobody answers on loopback (a server bound to 127.0.0.1 only) and the wildcard
     * address can be bound (as Dubbo and the TC bind it:
     * docs/stack-traps.md#10-servers-bind-the-wildcard-address).
     */
    static boolean isFree(int port) {
        if (Readiness.isOpen(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
